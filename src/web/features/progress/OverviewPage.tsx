import {
  ApartmentOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  FileWordOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Skeleton, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { useSession } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import {
  COMPLETED_AS_LABELS,
  chineseDate,
  LIGHT_COLORS,
  LIGHT_LABELS,
  mayManagePlan,
  percent,
  STATUS_COLORS,
  STATUS_LABELS,
  STATUS_ORDER,
  STATUS_SHORT,
} from './format';
import { PlanYearSelect, planYearKey, ToolbarField } from './PlanYearSelect';
import { LightDot, ProgressBar, ProgressLegend } from './ProgressBar';
import {
  bulletinUrl,
  type Overview,
  type OverviewProject,
  type ProjectStatus,
  useOverview,
  usePlanYearList,
  useRollup,
} from './progress.api';
import './progress.css';

function ReportFlags({ p }: { p: OverviewProject }) {
  if (p.missingReports === 0 && p.lateReports === 0) return <span className="muted">按时报送</span>;
  return (
    <span className="tag-row">
      {p.missingReports > 0 && <Tag color="red">未报送 {p.missingReports} 期</Tag>}
      {p.lateReports > 0 && <Tag color="orange">逾期报送 {p.lateReports} 期</Tag>}
    </span>
  );
}

function StatusTag({ p }: { p: OverviewProject }) {
  const label =
    p.status === 'completed' && p.completedAs ? COMPLETED_AS_LABELS[p.completedAs] : STATUS_LABELS[p.status];
  return <Tag color={STATUS_COLORS[p.status]}>{label}</Tag>;
}

function columns(elapsed: number, asOf: string): Column<OverviewProject>[] {
  return [
    { key: 'light', title: '亮灯', width: 80, hideOnCard: true, render: (p) => <LightDot light={p.light} /> },
    {
      key: 'name',
      title: '项目',
      hideOnCard: true,
      render: (p) => (
        <Link to={`/progress/projects/${p.id}?asOf=${asOf}`} className="project-link">
          <span className="ref">{p.ref}</span> {p.name}
        </Link>
      ),
    },
    {
      key: 'progress',
      title: '进度',
      width: 240,
      render: (p) => (
        <ProgressBar completion={p.completion} elapsed={elapsed} planned={p.planned} light={p.light} />
      ),
    },
    { key: 'status', title: '状态', render: (p) => <StatusTag p={p} /> },
    { key: 'lead', title: '牵头单位', render: (p) => p.leadUnits.join('、') || '—' },
    { key: 'reports', title: '报送', render: (p) => <ReportFlags p={p} /> },
  ];
}

const CARDS: { key: ProjectStatus | 'all'; label: string }[] = [
  { key: 'all', label: '项目总数' },
  { key: 'completed', label: '已完成' },
  { key: 'ahead', label: '快于序时' },
  { key: 'on-track', label: '基本符合' },
  { key: 'lagging', label: '滞后' },
  { key: 'severely-lagging', label: '严重滞后' },
];

function StatusCards({
  data,
  filter,
  onFilter,
}: {
  data: Overview;
  filter: ProjectStatus | 'all';
  onFilter: (f: ProjectStatus | 'all') => void;
}) {
  const count = (key: ProjectStatus | 'all') =>
    key === 'all' ? data.total : data.projects.filter((p) => p.status === key).length;
  const completedNote = (Object.keys(data.completedBy) as (keyof Overview['completedBy'])[])
    .filter((k) => data.completedBy[k] > 0)
    .map((k) => `${COMPLETED_AS_LABELS[k]} ${data.completedBy[k]}`)
    .join(' · ');
  return (
    <section className="status-cards" aria-label="按状态统计">
      {CARDS.map((c) => (
        <button
          type="button"
          key={c.key}
          className={`status-card status-card-${c.key}${filter === c.key ? ' is-active' : ''}`}
          aria-pressed={filter === c.key}
          onClick={() => onFilter(filter === c.key ? 'all' : c.key)}
        >
          <span className="status-card-label">{c.label}</span>
          <span className="status-card-value">{count(c.key)}</span>
          {c.key === 'completed' && completedNote && (
            <span className="status-card-note">{completedNote}</span>
          )}
          {c.key === 'all' && <span className="status-card-note">实施中 {data.inProgress}</span>}
        </button>
      ))}
    </section>
  );
}

/** Every project as a dot on one 0–100% scale, against the 序时进度 line: who is behind, at a glance. */
function ScheduleScale({ data }: { data: Overview }) {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  return (
    <Card size="small" title="序时进度" className="scale-card">
      <div className="scale-head">
        <span className="scale-elapsed-value">{percent(data.elapsed)}</span>
        <span className="muted">
          计划期 {chineseDate(data.planYear.period.start)} 至 {chineseDate(data.planYear.period.end)}，截至
          {chineseDate(data.asOf)}
        </span>
      </div>
      <div className="scale" role="img" aria-label={`序时进度 ${percent(data.elapsed)}，各项目完成度分布`}>
        <div className="scale-track">
          <div className="scale-done" style={{ width: `${clamp(data.elapsed) * 100}%` }} />
          <div
            className={`scale-marker${data.elapsed > 0.8 ? ' scale-marker-end' : ''}`}
            style={{ left: `${clamp(data.elapsed) * 100}%` }}
          >
            <span>序时 {percent(data.elapsed, 1)}</span>
          </div>
          {data.projects.map((p) => (
            <i
              key={p.id}
              className="scale-dot"
              title={`${p.ref} ${p.name}：${percent(p.completion)}（${LIGHT_LABELS[p.light]}）`}
              style={{ left: `${clamp(p.completion) * 100}%`, background: LIGHT_COLORS[p.light] }}
            />
          ))}
        </div>
        <div className="scale-ticks" aria-hidden>
          {[0, 25, 50, 75, 100].map((t) => (
            <span key={t} style={{ left: `${t}%` }}>
              {t}%
            </span>
          ))}
        </div>
      </div>
      <p className="muted scale-note">
        每个圆点是一个项目的完成度，颜色为亮灯；竖线左侧的圆点落后于序时进度。
      </p>
    </Card>
  );
}

export function OverviewPage() {
  const { region = '', year = '' } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const asOfParam = search.get('asOf') ?? undefined;
  const planYears = usePlanYearList();
  const overview = useOverview(region, Number(year), asOfParam);
  const rollup = useRollup(region, Number(year), asOfParam);
  const [filter, setFilter] = useState<ProjectStatus | 'all'>('all');
  const data = overview.data;
  const listed = planYears.data?.items.find((p) => p.regionCode === region && p.year === Number(year));
  const title = data?.planYear.title ?? `${listed?.regionName ?? region} ${year} 年民生实事`;
  const demo = Boolean(data?.planYear.demo ?? listed?.demo);
  const session = useSession();
  // 录入项目: the coordinator of the plan's region, while the plan year is being implemented.
  const mayEnter = mayManagePlan(session, region) && (data?.planYear.stage ?? listed?.stage) === 'implement';

  useEffect(() => {
    document.title = `项目进度 · ${listed?.regionName ?? region} ${year}年 · 民生实事`;
  }, [listed, region, year]);

  const rows = useMemo(() => {
    if (!data) return undefined;
    const rank = (s: ProjectStatus) => STATUS_ORDER.indexOf(s);
    return data.projects
      .filter((p) => filter === 'all' || p.status === filter)
      .map((p, i) => ({ p, i }))
      .sort((a, b) => rank(a.p.status) - rank(b.p.status) || a.p.completion - b.p.completion || a.i - b.i)
      .map(({ p }) => p);
  }, [data, filter]);
  const behind =
    data?.projects.filter((p) => p.status === 'lagging' || p.status === 'severely-lagging') ?? [];

  return (
    <>
      <PageHeading
        title={
          <>
            {title} {demo && <Tag color="gold">演示数据</Tag>}
          </>
        }
        extra={
          mayEnter && (
            <Link to={`/progress/${region}/${year}/projects/new`}>
              <Button type="primary" icon={<PlusOutlined />}>
                录入项目
              </Button>
            </Link>
          )
        }
        description={
          data
            ? `截至${chineseDate(data.asOf)}，序时进度 ${percent(data.elapsed)}；${data.total} 个项目中 ${data.completed} 个已完成，${data.lagging} 个滞后。`
            : '各项目实际进度对照序时进度和推进计划，滞后项目排在最前。'
        }
      />
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          <ToolbarField id="plan-year" label="年度计划">
            <PlanYearSelect
              id="plan-year"
              items={planYears.data?.items}
              loading={planYears.isPending}
              value={`${region}/${year}`}
              onChange={(key) => navigate(`/progress/${key}`)}
            />
          </ToolbarField>
          <ToolbarField id="as-of" label="截至日期">
            <Input
              id="as-of"
              type="date"
              className="date-input"
              value={data?.asOf ?? asOfParam ?? ''}
              min={data?.planYear.period.start}
              max={data?.planYear.period.end}
              onChange={(e) => {
                const value = e.target.value;
                if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setSearch({ asOf: value }, { replace: true });
              }}
            />
          </ToolbarField>
          {data && (
            <Space wrap className="toolbar-actions">
              <Link to={`/bulletins?plan=${planYearKey(data.planYear)}&asOf=${data.asOf}`}>
                <Button icon={<FileTextOutlined />}>查看通报</Button>
              </Link>
              <Button
                icon={<FileWordOutlined />}
                href={bulletinUrl(region, Number(year), data.asOf, 'docx')}
                download
              >
                通报 Word
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                href={bulletinUrl(region, Number(year), data.asOf, 'xlsx')}
                download
              >
                台账 Excel
              </Button>
              {rollup.data && rollup.data.indicators.length > 0 && (
                <Link to={`/progress/${region}/${year}/rollup?asOf=${data.asOf}`}>
                  <Button icon={<ApartmentOutlined />}>任务分解汇总</Button>
                </Link>
              )}
            </Space>
          )}
        </div>
      </Card>

      {overview.error && <Alert type="error" showIcon title={errorMessage(overview.error)} />}
      {overview.isPending && <Skeleton active />}
      {data && data.total === 0 && (
        <Card>
          <Empty description="该年度计划还没有项目。民生办导入票决通过的项目清单或逐个录入项目后，这里显示各项目进度。" />
        </Card>
      )}
      {data && data.total > 0 && (
        <>
          <StatusCards data={data} filter={filter} onFilter={setFilter} />
          <ScheduleScale data={data} />
          {behind.length > 0 && filter === 'all' && (
            <Alert
              className="behind-alert"
              type="warning"
              showIcon
              title={`${behind.length} 个项目进度滞后，排在列表最前`}
              description={`${behind
                .slice(0, 8)
                .map((p) => `${p.name}（${STATUS_SHORT[p.status]}）`)
                .join('、')}${behind.length > 8 ? ' 等' : ''}`}
            />
          )}
          <Card
            size="small"
            title={filter === 'all' ? '全部项目' : `${CARDS.find((c) => c.key === filter)?.label}的项目`}
            extra={<ProgressLegend />}
          >
            <ResponsiveTable<OverviewProject>
              label="项目进度列表"
              rows={rows}
              loading={overview.isFetching}
              rowKey={(p) => p.id}
              columns={columns(data.elapsed, data.asOf)}
              paginate={false}
              emptyText="没有这一状态的项目"
              cardTitle={(p) => (
                <span className="card-title-with-light">
                  <LightDot light={p.light} withText={false} />
                  <Link to={`/progress/projects/${p.id}?asOf=${data.asOf}`} className="project-link">
                    <span className="ref">{p.ref}</span> {p.name}
                  </Link>
                </span>
              )}
            />
          </Card>
        </>
      )}
    </>
  );
}
