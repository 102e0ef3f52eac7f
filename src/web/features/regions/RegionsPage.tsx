import { Alert, Card, Col, Empty, type GetRef, Grid, Row, Spin, Tree } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { RegionDetail } from './RegionDetail';
import { RegionSearch } from './RegionSearch';
import { useRegionTree } from './useRegionTree';
import './regions.css';

export function RegionsPage() {
  const tree = useRegionTree();
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const screens = Grid.useBreakpoint();
  const region = selected ? tree.byCode[selected] : undefined;
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<string | null>(null);
  const narrow = screens.lg === false;

  // After a search pick the tree has just grown: scroll the pick into view once it is rendered, and
  // on a phone bring the detail (which sits below the tree) into view too.
  useEffect(() => {
    if (!found || !tree.treeData.length) return;
    treeRef.current?.scrollTo({ key: found, align: 'top', offset: 48 });
    if (narrow) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    setFound(null);
  }, [found, tree.treeData, narrow]);

  const pick = async (code: string) => {
    setProblem(null);
    try {
      await tree.reveal(code);
      setSelected(code);
      setFound(code);
      if (tree.childCountOf(code) === undefined) await tree.loadChildren(code);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeading
        title="行政区划"
        description="按国家标准（GB/T 2260）逐级浏览；县以下的乡镇、村可导入或手工添加。"
      />
      {(tree.error || problem) && (
        <Alert
          type="error"
          showIcon
          title={problem ?? errorMessage(tree.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="区划树">
            <RegionSearch onPick={(r) => pick(r.code)} />
            {tree.treeData.length === 0 ? (
              <div className="full-page-center">
                <Spin />
              </div>
            ) : (
              <Tree
                ref={treeRef}
                aria-label="行政区划树"
                treeData={tree.treeData}
                expandedKeys={tree.expanded}
                onExpand={(keys) => tree.setExpanded(keys.map(String))}
                loadData={async (node) => {
                  const key = String(node.key);
                  try {
                    await tree.loadChildren(key);
                  } catch (error) {
                    setProblem(errorMessage(error));
                  }
                }}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => {
                  const code = keys.length ? String(keys[0]) : null;
                  setSelected(code);
                  // The detail shows how many regions lie below, so fetch them if not yet known.
                  if (code && tree.childCountOf(code) === undefined) {
                    tree.loadChildren(code).catch((e) => setProblem(errorMessage(e)));
                  }
                }}
                height={narrow ? 380 : 560}
                showLine
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10} ref={detailRef}>
          {region ? (
            <RegionDetail
              region={region}
              childCount={tree.childCountOf(region.code)}
              onChildrenChanged={() =>
                tree.loadChildren(region.code).catch((e) => setProblem(errorMessage(e)))
              }
            />
          ) : (
            <Card size="small">
              <Empty description="在左侧选择一个行政区划查看详情" />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
