import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Segmented, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { chineseDate, LIGHT_COLORS, percent, STATUS_SHORT } from '../progress/format';
import { planYearKey, sortPlanYears } from '../progress/PlanYearSelect';
import { usePlanYearList } from '../progress/progress.api';
import { ReportToolbar } from '../reports/ReportToolbar';
import { IssueOrderModal } from './IssueOrderModal';
import { OrderDrawer } from './OrderDrawer';
import {
  type Board,
  defaultPlanYear,
  inspectionReason,
  type Order,
  useBoard,
  useEscalated,
  useProjectInspections,
  useSupervisionActions,
} from './supervision.api';
import { DueTag, StageTag } from './tags';
import '../progress/progress.css';
import './supervision.css';

type Filter = 'mine' | 'open' | 'overdue' | 'closed' | 'all';

const FILTERS: Record<Filter, { label: string; keep: (o: Order) => boolean }> = {
  mine: { label: '待我办理', keep: (o) => o.actions.some((a) => a !== 'reminded') },
  open: { label: '在办', keep: (o) => o.stage !== 'closed' },
  overdue: { label: '逾期', keep: (o) => o.overdueDays > 0 },
  closed: { label: '已办结', keep: (o) => o.stage === 'closed' },
  all: { label: '全部', keep: () => true },
};

const COLUMNS: Column<Order>[] = [
  { key: 'number', title: '编号', hideOnCard: true, width: 130, render: (o) => o.number },
  {
    key: 'project',
    title: '督办项目',
    hideOnCard: true,
    render: (o) => (
      <span>
        {o.project.name}
        {o.gravity === 'major' && <Tag className="supervision-major">重大</Tag>}
      </span>
    ),
  },
  { key: 'unit', title: '督办单位', render: (o) => o.unit.name },
  { key: 'stage', title: '办理环节', render: (o) => <StageTag order={o} /> },
  { key: 'due', title: '期限', render: (o) => <DueTag order={o} /> },
  { key: 'issued', title: '下达日期', render: (o) => chineseDate(o.issuedOn) },
];

/**
 * 调度督办: each plan year's orders where they stand under 13710, the lagging projects with no order
 * yet, and what the level above has had escalated to it. Opening an order shows its history and the
 * step this user may take.
 */
export function SupervisionPage() {
  const [search, setSearch] = useSearchParams();
  const planYears = usePlanYearList();
  const items = sortPlanYears(planYears.data?.items ?? []);
  const first = defaultPlanYear(items);
  const key = search.get('plan') ?? (first && planYearKey(first));
  const plan = items.find((p) => planYearKey(p) === key);
  const board = useBoard(plan ? key! : undefined);
  const escalated = useEscalated();
  const { issue } = useSupervisionActions();
  const [issuing, setIssuing] = useState<{
    projectId?: string;
    inspectionId?: string;
    reason?: string;
  } | null>(null);
  const [chosenFilter, setFilter] = useState<Filter | null>(null);
  const openId = search.get('order');
  const issueFor = search.get('issue');
  // From a deputy's inspection opinion (代表视察意见 → 转为督办): the order starts from its words.
  const fromInspection = search.get('inspection');
  const inspections = useProjectInspections(fromInspection ? issueFor : null);

  useEffect(() => {
    document.title = '调度督办 · 民生实事';
  }, []);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: name !== 'order' });
  };

  const data = board.data;
  // Arriving from a project's page with 下达督办: the form opens on that project, once.
  useEffect(() => {
    if (!issueFor || !data || (fromInspection && !inspections.data)) return;
    const inspection = inspections.data?.items.find((i) => i.id === fromInspection);
    if (data.mayIssue && data.projects.some((p) => p.id === issueFor)) {
      setIssuing({
        projectId: issueFor,
        inspectionId: inspection?.id,
        reason: inspection && inspectionReason(inspection),
      });
    }
    const next = new URLSearchParams(search);
    next.delete('issue');
    next.delete('inspection');
    setSearch(next, { replace: true });
  }, [issueFor, fromInspection, inspections.data, data, search, setSearch]);
  const mine = data?.orders.filter(FILTERS.mine.keep) ?? [];
  const filter: Filter = chosenFilter ?? (mine.length > 0 ? 'mine' : 'open');
  const shown = data?.orders.filter(FILTERS[filter].keep);
  const raised = (escalated.data?.items ?? []).filter((o) => !data || planYearKey(o) !== key);
  return (
    <>
      <PageHeading
        title="调度督办"
        description="对滞后项目下达督办，按“13710”时限跟踪：当日签收部署、3日内报送措施、一般事项7日内办结、重大事项1个月内或按计划办结，逾期自动催办、通报、提级督办，办结后评定等次。"
        extra={
          data?.mayIssue && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing({})}>
              下达督办
            </Button>
          )
        }
      />
      <ReportToolbar
        planYears={planYears}
        value={key}
        demo={plan?.demo}
        onChange={(k) => setSearch({ plan: k }, { replace: true })}
      />
      {raised.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="supervision-raised"
          title={`提级督办：管辖范围内其他年度计划还有 ${raised.length} 件督办事项逾期 7 天以上未办结`}
          description={
            <List
              size="small"
              dataSource={raised.slice(0, 10)}
              renderItem={(o) => (
                <List.Item key={o.id}>
                  <Link to={`/supervision?${new URLSearchParams({ plan: planYearKey(o), order: o.id })}`}>
                    {o.regionName} {o.number} {o.project.name}（{o.unit.name}，逾期 {o.overdueDays} 天）
                  </Link>
                </List.Item>
              )}
            />
          }
        />
      )}
      {board.error && <Alert type="error" showIcon title={errorMessage(board.error)} />}
      {board.isPending && plan && <Skeleton active paragraph={{ rows: 6 }} />}
      {data && (
        <>
          <Totals board={data} />
          <LaggingCard board={data} onIssue={(projectId) => setIssuing({ projectId })} />
          <Card
            size="small"
            title="督办事项"
            extra={
              <Segmented<Filter>
                size="small"
                value={filter}
                onChange={setFilter}
                options={(Object.keys(FILTERS) as Filter[])
                  .filter((f) => f !== 'mine' || mine.length > 0)
                  .map((f) => ({ value: f, label: FILTERS[f].label }))}
              />
            }
          >
            <ResponsiveTable
              label="督办事项"
              rows={shown}
              rowKey={(o) => o.id}
              columns={COLUMNS}
              cardTitle={(o) => `${o.number} ${o.project.name}`}
              emptyText={data.orders.length === 0 ? '该年度还没有下达督办事项' : '没有符合条件的督办事项'}
              actions={(o) => (
                <Button
                  size="small"
                  type={o.actions.length ? 'primary' : 'default'}
                  onClick={() => setParam('order', o.id)}
                >
                  {o.actions.some((a) => a !== 'reminded') ? '办理' : '查看'}
                </Button>
              )}
            />
          </Card>
        </>
      )}
      {issuing && data && (
        <IssueOrderModal
          projects={data.projects}
          lagging={data.lagging}
          initialProjectId={issuing.projectId}
          initialReason={issuing.reason}
          inspectionId={issuing.inspectionId}
          onClose={() => setIssuing(null)}
          onIssue={async (input) => {
            const order = await issue.mutateAsync({ key: key!, input });
            setParam('order', order.id);
            return order;
          }}
        />
      )}
      {openId && <OrderDrawer id={openId} onClose={() => setParam('order', null)} />}
    </>
  );
}

function Totals({ board }: { board: Board }) {
  const t = board.totals;
  return (
    <Card size="small" className="supervision-totals">
      <Statistic title="督办事项" value={t.total} suffix="件" />
      <Statistic title="在办" value={t.open} suffix="件" />
      <Statistic
        title="逾期"
        value={t.overdue}
        suffix="件"
        styles={{ content: t.overdue ? { color: '#cf1322' } : {} }}
      />
      <Statistic title="提级督办" value={t.escalated} suffix="件" />
      <Statistic title="办结待评定" value={t.awaitingReview} suffix="件" />
      <Statistic title="已办结" value={t.closed} suffix="件" />
      <Typography.Text type="secondary" className="supervision-grades">
        {t.closed > 0
          ? `按时办结 ${t.closedOnTime} 件；评定优秀 ${t.grades.优秀}、良好 ${t.grades.良好}、合格 ${t.grades.合格} 件${t.returned ? `；退回重办 ${t.returned} 次` : ''}`
          : `截至${chineseDate(board.today)}`}
      </Typography.Text>
    </Card>
  );
}

/** Lagging projects without an open order, as the overview judges them at the plan's date. */
function LaggingCard({ board, onIssue }: { board: Board; onIssue: (projectId: string) => void }) {
  const lagging = board.projects.filter((p) => board.lagging.includes(p.id));
  // Only the one who issues orders is advised whom to order.
  if (lagging.length === 0 || !board.mayIssue) return null;
  return (
    <Card
      size="small"
      title={`建议督办：${lagging.length} 个项目进度滞后且未在督办中`}
      className="supervision-lagging"
    >
      <List
        size="small"
        dataSource={lagging}
        renderItem={(p) => (
          <List.Item
            key={p.id}
            actions={[
              <Button key="issue" size="small" onClick={() => onIssue(p.id)}>
                下达督办
              </Button>,
            ]}
          >
            <span>
              <Tag color={LIGHT_COLORS[p.light]}>{STATUS_SHORT[p.status]}</Tag>
              {p.name}
              <Typography.Text type="secondary">
                {' '}
                完成率 {percent(p.completion, 1)}
                {p.planned !== null
                  ? `，计划 ${percent(p.planned, 1)}`
                  : `，序时 ${percent(board.elapsed, 1)}`}
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
