import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import {
  PlanYearSelect,
  planYearKey,
  planYearLabel,
  sortPlanYears,
  ToolbarField,
} from '../progress/PlanYearSelect';
import { usePlanYearList } from '../progress/progress.api';
import { CreateSessionModal } from './SessionFormModal';
import { type SessionListItem, useSessions } from './voting.api';
import { STATE_COLORS, shortDateTime } from './voting.format';
import './voting.css';

/** 人大代表票决: pick a plan year (straight to it when there is only one in the票决 stage). */
export function VotingHomePage() {
  const planYears = usePlanYearList();
  const items = sortPlanYears(planYears.data?.items ?? []);
  const voting = items.filter((p) => p.stage === 'vote');
  if (items.length === 1) return <Navigate to={`/voting/${planYearKey(items[0]!)}`} replace />;
  return (
    <>
      <PageHeading
        title="人大代表票决"
        description="选择年度计划，筹备票决会议、导入代表名单、签到发票、计票并公布结果。"
      />
      {planYears.error && <Alert type="error" showIcon title={errorMessage(planYears.error)} />}
      {planYears.isPending && <Skeleton active />}
      {planYears.data && items.length === 0 && (
        <Card>
          <Empty description="管辖范围内还没有年度计划" />
        </Card>
      )}
      <nav className="plan-year-grid" aria-label="年度计划">
        {[...voting, ...items.filter((p) => p.stage !== 'vote')].map((p) => (
          <Link key={p.id} to={`/voting/${planYearKey(p)}`} className="plan-year-link">
            <Card size="small" hoverable>
              <div className="plan-year-link-head">
                <strong>{planYearLabel(p)}</strong>
                <RightOutlined aria-hidden />
              </div>
              <div className="plan-year-link-title">{p.title ?? '年度民生实事'}</div>
              <Tag color={p.stage === 'vote' ? 'blue' : 'default'}>{p.stageLabel}</Tag>
            </Card>
          </Link>
        ))}
      </nav>
    </>
  );
}

const columns: Column<SessionListItem>[] = [
  {
    key: 'title',
    title: '会议',
    hideOnCard: true,
    render: (s) => (
      <Link to={`/voting/sessions/${s.id}`}>
        {s.congress}
        {s.sitting}
        <div className="muted">{s.title}</div>
      </Link>
    ),
  },
  { key: 'state', title: '状态', render: (s) => <Tag color={STATE_COLORS[s.state]}>{s.stateLabel}</Tag> },
  { key: 'seats', title: '候选 / 应选', render: (s) => `${s.candidates} 项选 ${s.seats} 项` },
  { key: 'created', title: '创建时间', render: (s) => shortDateTime(s.createdAt) },
];

/** The voting sessions of one plan year, and a new one from its candidate list. */
export function VotingPlanYearPage() {
  const { region = '', year = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const planYears = usePlanYearList();
  const sessions = useSessions(region, Number(year));
  const [creating, setCreating] = useState(false);
  const listed = planYears.data?.items.find((p) => p.regionCode === region && p.year === Number(year));
  const regionName = listed?.regionName ?? region;

  useEffect(() => {
    document.title = `人大代表票决 · ${regionName} ${year}年 · 民生实事`;
  }, [regionName, year]);

  return (
    <>
      <PageHeading
        title={`${regionName} ${year}年 · 人大代表票决`}
        description="每次票决会议从候选项目清单中差额选出本年度民生实事项目；得票相同的项目另行表决。"
        extra={
          can('plan.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建票决会议
            </Button>
          )
        }
      />
      <Card size="small" className="toolbar-card">
        <ToolbarField id="plan-year" label="年度计划">
          <PlanYearSelect
            id="plan-year"
            items={planYears.data?.items}
            loading={planYears.isPending}
            value={`${region}/${year}`}
            onChange={(key) => navigate(`/voting/${key}`)}
          />
        </ToolbarField>
      </Card>
      {sessions.error && <Alert type="error" showIcon title={errorMessage(sessions.error)} />}
      <Card size="small" title="票决会议">
        <ResponsiveTable<SessionListItem>
          label="票决会议列表"
          rows={sessions.data?.items}
          loading={sessions.isPending}
          rowKey={(s) => s.id}
          columns={columns}
          emptyText="还没有票决会议"
          cardTitle={(s) => (
            <Link to={`/voting/sessions/${s.id}`}>
              {s.congress}
              {s.sitting}
            </Link>
          )}
        />
      </Card>
      {creating && (
        <CreateSessionModal
          region={region}
          year={Number(year)}
          regionName={regionName}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/voting/sessions/${id}`)}
        />
      )}
    </>
  );
}
