import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Result, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { compareQuantities, quantityToNumber } from '../../../modules/progress/quantity.rules';
import { errorMessage } from '../../app/api/form-errors';
import { useSession } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import {
  chineseDate,
  dateTime,
  kindVerb,
  percent,
  quantity,
  REPORT_STATUS_COLORS,
  REPORT_STATUS_LABELS,
  wan,
} from './format';
import {
  type ProjectReports,
  type Quantity,
  type ReportItem,
  useProjectReports,
  useReportActions,
} from './progress.api';
import { ReportPhotos } from './ReportHistory';
import './progress.css';

interface Line {
  key: string;
  name: string;
  now: string;
  before: string;
  change: 'up' | 'down' | 'same' | 'new' | 'none';
  note?: string;
  target: string;
  rate: string;
}

function lines(data: ProjectReports, report: ReportItem, base: ReportItem | undefined): Line[] {
  const out: Line[] = data.project.indicators.map((i) => {
    const now = report.values[i.ref];
    const before = base?.values[i.ref];
    const against: Quantity | null = i.kind === 'entitlement' ? (report.eligible[i.ref] ?? null) : i.target;
    const change =
      now === undefined
        ? 'none'
        : before === undefined
          ? 'new'
          : compareQuantities(now, before) > 0
            ? 'up'
            : compareQuantities(now, before) < 0
              ? 'down'
              : 'same';
    return {
      key: i.ref,
      name: `${i.name}${i.unit && i.kind !== 'amount' ? `（${i.unit}）` : ''}`,
      now: now === undefined ? '未填' : quantity(i.kind, now, i.unit),
      before: before === undefined ? '—' : quantity(i.kind, before, i.unit),
      change,
      note: report.explanations[i.ref],
      target:
        i.kind === 'entitlement'
          ? `应享受 ${report.eligible[i.ref] ?? '未填'}${base?.eligible[i.ref] !== undefined ? `（上次 ${base.eligible[i.ref]}）` : ''}`
          : quantity(i.kind, i.target, i.unit),
      rate:
        now !== undefined && against !== null && quantityToNumber(against) > 0
          ? `${kindVerb(i.kind)} ${percent(quantityToNumber(now) / quantityToNumber(against))}`
          : '—',
    };
  });
  const money = (key: 'investment' | 'fundsArrived', name: string): Line => {
    const now = report[key];
    const before = base?.[key] ?? null;
    return {
      key,
      name,
      now: wan(now),
      before: wan(before),
      change:
        now === null
          ? 'none'
          : before === null
            ? 'new'
            : compareQuantities(now, before) > 0
              ? 'up'
              : compareQuantities(now, before) < 0
                ? 'down'
                : 'same',
      target: '',
      rate: '',
    };
  };
  return [...out, money('investment', '累计完成投资'), money('fundsArrived', '累计资金到位')];
}

const CHANGE: Record<Line['change'], { text: string; color?: string }> = {
  up: { text: '增加', color: 'green' },
  down: { text: '下降', color: 'red' },
  same: { text: '未变' },
  new: { text: '首次填报', color: 'blue' },
  none: { text: '未填' },
};

const COLUMNS: Column<Line>[] = [
  { key: 'name', title: '指标', hideOnCard: true, render: (l) => l.name },
  { key: 'now', title: '本次填报', render: (l) => <b>{l.now}</b> },
  { key: 'before', title: '上次通过', render: (l) => l.before },
  {
    key: 'change',
    title: '变化',
    render: (l) => (
      <span>
        <Tag color={CHANGE[l.change].color}>{CHANGE[l.change].text}</Tag>
        {l.note && <div className="report-explanation">说明：{l.note}</div>}
      </span>
    ),
  },
  { key: 'target', title: '目标', render: (l) => l.target || '—' },
  { key: 'rate', title: '完成率', render: (l) => l.rate || '—' },
];

function ReturnModal({
  onReturn,
  onClose,
}: {
  onReturn: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open
      title="退回报告"
      okText="退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }) => {
          setSaving(true);
          try {
            await onReturn(reason.trim());
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item
          name="reason"
          label="退回原因"
          rules={[{ required: true, whitespace: true, message: '请填写退回原因，填报员会看到它' }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            placeholder="例如：改造栋数与现场核查不符，请核实后重报"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One submitted report beside the last approved figures: 通过 or 退回 with a reason. */
export function ReviewPage() {
  const { projectId = '', reportId = '' } = useParams();
  const reports = useProjectReports(projectId);
  const actions = useReportActions();
  const navigate = useNavigate();
  const session = useSession();
  const { message, modal } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);

  if (reports.error) return <Alert type="error" showIcon title={errorMessage(reports.error)} />;
  if (!reports.data) return <Skeleton active />;
  const data = reports.data;
  const report = data.items.find((r) => r.id === reportId);
  if (!report)
    return <Result status="warning" title="报告不存在" extra={<Link to="/approvals">返回审核列表</Link>} />;
  const base = report.supersedes
    ? data.items.find((r) => r.id === report.supersedes)
    : data.items
        .filter(
          (r) =>
            r.current && r.id !== report.id && r.regionCode === report.regionCode && r.asOf <= report.asOf,
        )
        .sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0];
  const pending = report.status === 'submitted';
  const own = report.authorId === session.user.id;

  const approve = () =>
    modal.confirm({
      title: '审核通过这份报告？',
      content: '通过后，报告中的数字计入项目进度、总览和通报。',
      okText: '通过',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          await actions.approve(report.id);
          await actions.refresh();
          message.success(`已通过：${data.project.name} 截至${chineseDate(report.asOf)}的报告`);
          navigate('/approvals');
        } catch (error) {
          message.error(errorMessage(error));
        } finally {
          setBusy(false);
        }
      },
    });

  const doReturn = async (reason: string) => {
    try {
      await actions.returnReport(report.id, reason);
      await actions.refresh();
      setReturning(false);
      message.success('已退回，填报员修改后会重新提交');
      navigate('/approvals');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeading
        title="审核进度报告"
        description={`${data.project.ref} ${data.project.name} · 截至${chineseDate(report.asOf)}`}
        extra={<Link to="/approvals">返回审核列表</Link>}
      />
      <Card size="small" className="review-head">
        <div className="tag-row">
          <Tag color={REPORT_STATUS_COLORS[report.status]}>{REPORT_STATUS_LABELS[report.status]}</Tag>
          {report.version > 1 && <Tag color="purple">更正 第{report.version}版</Tag>}
          <span>{[report.unitName, report.authorName].filter(Boolean).join(' · ')}</span>
          <span className="muted">提交于 {dateTime(report.submittedAt)}</span>
        </div>
        {report.correctionReason && <div className="report-reason">更正原因：{report.correctionReason}</div>}
        <div className="muted">
          对照：
          {base
            ? `截至${chineseDate(base.asOf)}审核通过的报告${base.version > 1 ? `（第${base.version}版）` : ''}`
            : '此前没有审核通过的报告'}
        </div>
      </Card>
      <Card size="small" title="本次填报与上次审核通过的数字">
        <ResponsiveTable<Line>
          label="本次填报与上次审核通过对比"
          rows={lines(data, report, base)}
          rowKey={(l) => l.key}
          columns={COLUMNS}
          paginate={false}
          cardTitle={(l) => l.name}
        />
      </Card>
      <Card size="small" title="文字说明与现场照片" className="review-text">
        <p className="report-text">
          <strong>进展情况：</strong>
          {report.progressText ?? '（未填）'}
        </p>
        <p className="report-text">
          <strong>存在问题：</strong>
          {report.problemsText ?? '（未填）'}
        </p>
        <p className="report-text">
          <strong>下一步计划：</strong>
          {report.nextText ?? '（未填）'}
        </p>
        {report.photos.length > 0 ? (
          <ReportPhotos photos={report.photos} />
        ) : (
          <p className="muted">没有上传现场照片</p>
        )}
      </Card>
      {pending && own && (
        <Alert type="info" showIcon title="这是您本人填报的报告，需由本单位其他审核人审核。" />
      )}
      {!pending && (
        <Alert type="info" showIcon title={`该报告${REPORT_STATUS_LABELS[report.status]}，无需审核。`} />
      )}
      {pending && !own && (
        <div className="report-actions-bar">
          <Button
            size="large"
            danger
            icon={<RollbackOutlined />}
            disabled={busy}
            onClick={() => setReturning(true)}
          >
            退回
          </Button>
          <Button size="large" type="primary" icon={<CheckOutlined />} loading={busy} onClick={approve}>
            通过
          </Button>
        </div>
      )}
      {returning && <ReturnModal onReturn={doReturn} onClose={() => setReturning(false)} />}
    </>
  );
}
