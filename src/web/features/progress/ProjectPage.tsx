import { ArrowLeftOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Skeleton, Tag } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { useCan, useSession } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { PosterLinks } from '../evaluation/PosterLinks';
import { InspectionsCard } from '../supervision/InspectionsCard';
import { ProjectOrdersCard } from '../supervision/ProjectOrdersCard';
import {
  COMPLETED_AS_LABELS,
  chineseDate,
  doneWording,
  kindVerb,
  maskPhone,
  mayManagePlan,
  percent,
  quantity,
  reportingRegions,
  STATUS_COLORS,
  STATUS_LABELS,
  wan,
} from './format';
import { MilestoneTimeline } from './MilestoneTimeline';
import { LightDot, ProgressBar, ProgressLegend } from './ProgressBar';
import {
  type AssessedIndicator,
  type PlanIndicator,
  type ProjectDetail,
  type ReportItem,
  useProject,
  useProjectReports,
  useReportActions,
} from './progress.api';
import { ReportHistory } from './ReportHistory';
import './progress.css';

/** echarts is most of this page's weight: the figures show first, the charts follow. */
const IndicatorChart = lazy(async () => ({ default: (await import('./IndicatorChart')).IndicatorChart }));

function IndicatorCard({
  indicator,
  assessed,
  detail,
}: {
  indicator: PlanIndicator;
  assessed: AssessedIndicator | undefined;
  detail: ProjectDetail;
}) {
  const kind = indicator.kind;
  const value = assessed?.value ?? null;
  const target = assessed?.target ?? indicator.target ?? null;
  const done = assessed?.done ?? false;
  const figures =
    kind === 'entitlement' ? (
      <>
        已享受 <b>{quantity(kind, value, indicator.unit)}</b>
        <span className="muted">
          {' '}
          / 应享受 {target === null ? '未报' : quantity(kind, target, indicator.unit)}
        </span>
      </>
    ) : kind === 'coverage' ? (
      <>
        已覆盖 <b>{quantity(kind, value, indicator.unit)}</b>
        <span className="muted"> / 应覆盖 {quantity(kind, target, indicator.unit)}</span>
      </>
    ) : (
      <>
        <b>{quantity(kind, value, indicator.unit)}</b>
        <span className="muted"> / 年度目标 {quantity(kind, target, indicator.unit)}</span>
      </>
    );
  return (
    <Card
      size="small"
      className="indicator-card"
      title={
        <span>
          <span className="ref">{indicator.ref}</span> {indicator.name}
        </span>
      }
      extra={
        done ? (
          <Tag color="blue">{doneWording(kind, assessed?.exceeded ?? false)}</Tag>
        ) : (
          <Tag>{kind === 'entitlement' && target === null ? '待报应享受人数' : '进行中'}</Tag>
        )
      }
    >
      <div className="indicator-figures">{figures}</div>
      <div className="indicator-rate">
        {kindVerb(kind)} <b>{percent(assessed?.completion ?? 0)}</b>
        {assessed?.planned !== null && assessed?.planned !== undefined && (
          <span className="muted"> · 计划进度 {percent(assessed.planned)}</span>
        )}
        <span className="muted"> · 序时进度 {percent(detail.elapsed)}</span>
      </div>
      <ProgressBar
        completion={assessed?.completion ?? 0}
        elapsed={detail.elapsed}
        planned={assessed?.planned ?? null}
        light={done ? 'blue' : detail.assessment.light}
        showText={false}
      />
      <div className="muted indicator-source">
        {assessed?.reportedOn
          ? `数据截至${chineseDate(assessed.reportedOn)}（已审核）`
          : '尚无审核通过的数据'}
      </div>
      {detail.series.length > 1 && (
        <Suspense fallback={<div className="indicator-chart" />}>
          <IndicatorChart series={detail.series} indicatorRef={indicator.ref} name={indicator.name} />
        </Suspense>
      )}
    </Card>
  );
}

function CorrectModal({ report, onClose }: { report: ReportItem; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const actions = useReportActions();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      const draft = await actions.correct(report.id, reason);
      await actions.refresh();
      message.success(`已生成第${draft.version}版更正草稿，请修改后提交审核`);
      navigate(`/progress/projects/${report.projectId}/report/${draft.id}`);
    } catch (error) {
      message.error(errorMessage(error));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`更正截至${chineseDate(report.asOf)}的报告`}
      okText="生成更正版本"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p className="muted">
        已通过的报告不会被覆盖：更正会生成新的版本，审核通过后替代原版本，原版本保留可查。
      </p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="更正原因"
          rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="例如：8月完成户数统计有误，应为 420 户"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProjectPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const detail = useProject(id, asOf);
  const reports = useProjectReports(id);
  const session = useSession();
  const can = useCan();
  const [correcting, setCorrecting] = useState<ReportItem | null>(null);
  const data = detail.data;

  useEffect(() => {
    if (data) document.title = `${data.project.name} · 项目进度 · 民生实事`;
  }, [data]);

  if (detail.error) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  if (!data) return <Skeleton active />;

  const { project, assessment } = data;
  const regions = reportingRegions(session, {
    regionCode: data.planYear.regionCode,
    leadUnits: project.leadUnits,
    partnerUnits: project.partnerUnits,
    allocationRegions: project.allocations.map((a) => a.region),
  });
  const mayWrite = can('record.write') && regions.length > 0;
  const mayApprove = can('record.approve');
  const mine = reports.data?.items.find(
    (r) => (r.status === 'draft' || r.status === 'returned') && r.authorId === session.user.id,
  );
  const showPhones = can('plan.manage');
  const mayEditProject =
    mayManagePlan(session, data.planYear.regionCode) && data.planYear.stage === 'implement';
  const overviewLink = `/progress/${data.planYear.regionCode}/${data.planYear.year}?asOf=${data.asOf}`;

  const reportActions = (r: ReportItem) => {
    const buttons = [];
    if (mayWrite && (r.status === 'draft' || r.status === 'returned'))
      buttons.push(
        <Link key="edit" to={`/progress/projects/${id}/report/${r.id}`}>
          <Button size="small" type={r.status === 'returned' ? 'primary' : 'default'}>
            {r.status === 'returned' ? '修改后重新提交' : '继续填写'}
          </Button>
        </Link>,
      );
    const correcting = reports.data?.items.some((x) => x.supersedes === r.id && x.status !== 'approved');
    if (mayWrite && r.status === 'approved' && r.current && !correcting)
      buttons.push(
        <Button key="correct" size="small" onClick={() => setCorrecting(r)}>
          更正
        </Button>,
      );
    if (mayApprove && r.status === 'submitted' && r.authorId !== session.user.id)
      buttons.push(
        <Link key="review" to={`/approvals/${id}/${r.id}`}>
          <Button size="small" type="primary">
            审核
          </Button>
        </Link>,
      );
    return buttons.length ? buttons : null;
  };

  return (
    <>
      <PageHeading
        title={
          <>
            {project.name} {data.planYear.demo && <Tag color="gold">演示数据</Tag>}
          </>
        }
        description={`${data.planYear.regionName} ${data.planYear.year} 年民生实事 · ${project.ref}${
          project.field ? ` · ${project.field}` : ''
        } · 截至${chineseDate(data.asOf)}`}
        extra={
          <>
            <Link to={overviewLink}>
              <Button icon={<ArrowLeftOutlined />}>返回总览</Button>
            </Link>
            {mayEditProject && (
              <Link to={`/progress/projects/${id}/edit`}>
                <Button icon={<FormOutlined />}>修改项目</Button>
              </Link>
            )}
            {mayWrite && (
              <Link
                to={mine ? `/progress/projects/${id}/report/${mine.id}` : `/progress/projects/${id}/report`}
              >
                <Button type="primary" size="large" icon={<EditOutlined />}>
                  {mine ? (mine.status === 'returned' ? '修改退回的报告' : '继续填报（草稿）') : '填报进度'}
                </Button>
              </Link>
            )}
          </>
        }
      />
      {mine?.status === 'returned' && (
        <Alert
          className="page-alert"
          type="error"
          showIcon
          title={`截至${chineseDate(mine.asOf)}的报告被退回`}
          description={`退回原因：${mine.returnReason ?? '—'}`}
        />
      )}
      <div className="project-layout">
        <div className="project-col project-col-side">
          <section className="area-overview">
            <Card size="small" title="项目概况">
              <div className="project-status">
                <LightDot light={assessment.light} />
                <Tag color={STATUS_COLORS[assessment.status]}>
                  {assessment.status === 'completed' && assessment.completedAs
                    ? COMPLETED_AS_LABELS[assessment.completedAs]
                    : STATUS_LABELS[assessment.status]}
                </Tag>
                <span>
                  总体完成 <b>{percent(assessment.completion)}</b>
                </span>
              </div>
              <ProgressBar
                completion={assessment.completion}
                elapsed={data.elapsed}
                planned={assessment.planned}
                light={assessment.light}
              />
              <ProgressLegend />
              <Descriptions size="small" column={1} className="project-facts">
                {project.task && <Descriptions.Item label="年度任务">{project.task}</Descriptions.Item>}
                <Descriptions.Item label="牵头单位">{project.leadUnits.join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label="配合单位">
                  {project.partnerUnits.join('、') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label="责任领导">
                  {project.leaders.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="leaders">
                      {project.leaders.map((l) => (
                        <li key={`${l.role}-${l.name}`}>
                          <span className="muted">{l.role}</span> {l.name}
                          {l.phone && (
                            <span className="phone">{showPhones ? l.phone : maskPhone(l.phone)}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="计划投资">{wan(project.budget)}</Descriptions.Item>
                {assessment.latestReport?.investment && (
                  <Descriptions.Item label="累计完成投资">
                    {wan(assessment.latestReport.investment)}
                    {project.budget && Number(project.budget) > 0 && (
                      <span className="muted">
                        （{percent(Number(assessment.latestReport.investment) / Number(project.budget), 1)}）
                      </span>
                    )}
                  </Descriptions.Item>
                )}
                {assessment.latestReport?.fundsArrived && (
                  <Descriptions.Item label="资金到位">
                    {wan(assessment.latestReport.fundsArrived)}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {project.planText && (
                <details className="plan-text">
                  <summary>实施方案</summary>
                  <p>{project.planText}</p>
                </details>
              )}
              <PosterLinks projectId={id} projectName={project.name} />
            </Card>
          </section>
          <ProjectOrdersCard projectId={id} planYear={data.planYear} />
          <InspectionsCard projectId={id} planYear={data.planYear} />
          <section className="area-milestones">
            <Card size="small" title="推进计划节点">
              <MilestoneTimeline detail={data} />
            </Card>
          </section>
        </div>
        <div className="project-col project-col-main">
          <section className="area-indicators">
            <div className="indicator-grid">
              {project.indicators.map((i) => (
                <IndicatorCard
                  key={i.ref}
                  indicator={i}
                  assessed={assessment.indicators.find((a) => a.ref === i.ref)}
                  detail={data}
                />
              ))}
            </div>
          </section>
          <section className="area-reports">
            <Card size="small" title="进度报告">
              {reports.error && <Alert type="error" showIcon title={errorMessage(reports.error)} />}
              {reports.isPending && <Skeleton active />}
              {reports.data && <ReportHistory data={reports.data} actions={reportActions} />}
            </Card>
          </section>
        </div>
      </div>
      {correcting && <CorrectModal report={correcting} onClose={() => setCorrecting(null)} />}
    </>
  );
}
