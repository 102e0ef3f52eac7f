import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm } from 'antd';
import { useState } from 'react';
import { REGION_LEVEL_LABELS, type RegionLevel } from '../../../kernel/regions';
import { errorMessage } from '../../app/api/form-errors';
import type { Region } from '../../app/api/types';
import { useCan } from '../../app/auth/session';
import { AddRegionModal } from './AddRegionModal';
import { importTownships, REGION_SOURCE_LABELS } from './regions.api';

/** One region's facts and what an administrator may do to it. */
export function RegionDetail({
  region,
  childCount,
  onChildrenChanged,
}: {
  region: Region;
  /** undefined until the children have been loaded. */
  childCount: number | undefined;
  onChildrenChanged: () => void;
}) {
  const can = useCan();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const manage = can('region.manage');
  const canAddChild = manage && (region.level === 'county' || region.level === 'township');

  const runImport = async () => {
    setImporting(true);
    try {
      const { imported } = await importTownships(region.code);
      message.success(
        imported > 0 ? `已导入 ${imported} 个乡镇（街道）` : '没有需要导入的乡镇（街道），均已存在',
      );
      onChildrenChanged();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Card
      title={region.name}
      size="small"
      extra={
        canAddChild && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {region.level === 'county' ? '新增乡镇' : '新增村（社区）'}
          </Button>
        )
      }
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'code', label: '区划代码', children: region.code },
          {
            key: 'level',
            label: '级别',
            children: REGION_LEVEL_LABELS[region.level as RegionLevel] ?? region.level,
          },
          {
            key: 'source',
            label: '数据来源',
            children: REGION_SOURCE_LABELS[region.source] ?? region.source,
          },
          {
            key: 'children',
            label: '下级区划',
            children: childCount === undefined ? '…' : `${childCount} 个`,
          },
        ]}
      />
      {manage && region.level === 'county' && (
        <Popconfirm
          title="导入乡镇（街道）"
          description={`从国家统计用区划数据导入${region.name}的乡镇（街道）？已有的不会重复导入。`}
          okText="导入"
          cancelText="取消"
          onConfirm={runImport}
        >
          <Button icon={<ImportOutlined />} loading={importing} style={{ marginTop: 12 }}>
            导入本县乡镇（街道）
          </Button>
        </Popconfirm>
      )}
      {adding && (
        <AddRegionModal
          parent={region}
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            onChildrenChanged();
          }}
        />
      )}
    </Card>
  );
}
