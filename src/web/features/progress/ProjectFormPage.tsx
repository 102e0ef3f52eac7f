import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Form, Input, Result, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api/client';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import { FIELD_OPTIONS } from '../../components/field-options';
import { PageHeading } from '../../components/PageHeading';
import { wan } from './format';
import { IndicatorsList, LeadersList, MilestonesList, type ProjectFormValues } from './ProjectFormLists';
import { usePlanYearList } from './progress.api';
import {
  type ProjectEntry,
  type ProjectEntryBody,
  useProjectEntry,
  useProjectEntryActions,
  useUnitsOf,
} from './project-entry.api';
import './progress.css';
import './project-form.css';

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';
const textOrNull = (v: string | undefined) => (blank(v) ? null : v!.trim());

function valuesOf(entry: ProjectEntry | undefined): ProjectFormValues {
  if (!entry)
    return {
      leadUnitIds: [],
      partnerUnitIds: [],
      leaders: [{ role: '责任人' }],
      indicators: [{ ref: 'I1', kind: 'count' }],
      milestones: [],
    };
  return {
    ref: entry.ref,
    name: entry.name,
    field: entry.field ?? undefined,
    task: entry.task ?? undefined,
    planText: entry.planText ?? undefined,
    leadUnitIds: entry.leadUnitIds,
    partnerUnitIds: entry.partnerUnitIds,
    leaders: entry.leaders.map((l) => ({ role: l.role, name: l.name, phone: l.phone })),
    budget: entry.budget ?? undefined,
    indicators: entry.indicators.map((i) => ({
      ref: i.ref,
      name: i.name,
      unit: i.unit ?? undefined,
      kind: i.kind,
      target: i.target === null ? undefined : String(i.target),
      inUse: i.inUse,
    })),
    milestones: entry.milestones.map((m) => ({
      due: m.due,
      text: m.text ?? undefined,
      planned: Object.fromEntries(Object.entries(m.planned).map(([ref, v]) => [ref, String(v)])),
      investment: m.investment ?? undefined,
    })),
  };
}

/** The request body: blanks dropped, planned values only for the indicators still there. */
function bodyOf(v: ProjectFormValues): ProjectEntryBody {
  const refs = new Set(v.indicators.filter((i) => i.kind !== 'entitlement').map((i) => i.ref));
  return {
    ref: v.ref?.trim() || undefined,
    name: v.name ?? '',
    field: textOrNull(v.field),
    task: textOrNull(v.task),
    planText: textOrNull(v.planText),
    leadUnitIds: v.leadUnitIds ?? [],
    partnerUnitIds: v.partnerUnitIds ?? [],
    leaders: (v.leaders ?? [])
      .filter((l) => !blank(l.name) || !blank(l.phone))
      .map((l) => ({ role: l.role ?? '', name: l.name ?? '', phone: textOrNull(l.phone) })),
    budget: textOrNull(v.budget),
    indicators: (v.indicators ?? []).map((i) => ({
      ref: i.ref,
      name: i.name ?? '',
      unit: i.kind === 'amount' ? null : textOrNull(i.unit),
      kind: i.kind,
      target: i.kind === 'entitlement' ? null : textOrNull(i.target),
    })),
    milestones: (v.milestones ?? []).map((m) => ({
      due: m.due ?? '',
      text: textOrNull(m.text),
      planned: Object.fromEntries(
        Object.entries(m.planned ?? {}).filter(([ref, value]) => refs.has(ref) && !blank(value)),
      ) as Record<string, string>,
      investment: textOrNull(m.investment),
    })),
  };
}

/** Field patterns the server names ('indicators.0.target'): shown under the field itself. */
function fieldPatterns(refs: string[]): string[] {
  return [
    'ref',
    'name',
    'field',
    'task',
    'planText',
    'leadUnitIds',
    'leadUnitIds.*',
    'partnerUnitIds.*',
    'budget',
    'leaders.*.role',
    'leaders.*.name',
    'leaders.*.phone',
    'indicators.*.name',
    'indicators.*.kind',
    'indicators.*.target',
    'indicators.*.unit',
    'milestones.*.due',
    'milestones.*.text',
    'milestones.*.investment',
    ...refs.map((ref) => `milestones.*.planned.${ref}`),
  ];
}

function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [errorMessage(error)];
  return (error.details as { message?: string }[]).map((d) => d.message ?? '').filter(Boolean);
}

/**
 * 录入项目 / 修改项目: the coordinator types a project of the plan year in, or changes one, on a
 * computer or a phone. The server checks it by the plan format's rules and names each bad field.
 */
export function ProjectFormPage() {
  const { region: regionParam, year: yearParam, id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const entry = useProjectEntry(id);
  const region = id ? entry.data?.planYear.regionCode : regionParam;
  const year = id ? entry.data?.planYear.year : Number(yearParam);
  const planYears = usePlanYearList();
  const listed = planYears.data?.items.find((p) => p.regionCode === region && p.year === year);
  const units = useUnitsOf(region);
  const actions = useProjectEntryActions();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const budget = Form.useWatch('budget', form);
  const initial = useMemo(() => valuesOf(entry.data), [entry.data]);
  const originalRefs = useMemo(() => entry.data?.indicators.map((i) => i.ref) ?? [], [entry.data]);

  const unitOptions = useMemo(
    () =>
      (units.data?.items ?? []).map((u) => ({
        value: u.id,
        label: u.regionCode === region ? u.name : `${u.name}（${u.regionName}）`,
      })),
    [units.data, region],
  );

  if (id && entry.error) return <Alert type="error" showIcon title={errorMessage(entry.error)} />;
  if (id && !entry.data) return <Skeleton active />;
  const period =
    entry.data?.planYear.period ??
    (listed ? { start: listed.periodStart, end: listed.periodEnd } : undefined);
  const editable = id ? entry.data!.planYear.editable : !listed || listed.stage === 'implement';
  const back = id ? `/progress/projects/${id}` : `/progress/${region}/${year}`;
  const title = id ? `修改项目：${entry.data!.name}` : '录入项目';
  const planName = listed ? `${listed.regionName ?? region} ${year} 年民生实事` : `${region} ${year} 年`;

  if (!editable)
    return (
      <Result
        status="warning"
        title="该年度计划不在组织实施阶段"
        subTitle={`只有处于组织实施阶段的年度计划才能录入或修改项目（当前：${listed?.stageLabel ?? entry.data?.planYear.stage ?? ''}）。`}
        extra={
          <Link to={back}>
            <Button>返回</Button>
          </Link>
        }
      />
    );

  const submit = async (values: ProjectFormValues) => {
    setSaving(true);
    setProblems([]);
    try {
      const body = bodyOf(values);
      const saved = id ? await actions.update(id, body) : await actions.create(region!, year!, body);
      await actions.refresh();
      message.success(id ? `已保存：${body.name}` : `已录入项目 ${saved.ref}：${body.name}`);
      navigate(id ? `/progress/projects/${saved.id}` : `/progress/${region}/${year}`);
    } catch (error) {
      const refs = (values.indicators ?? []).map((i) => i.ref);
      showOnFormFields(error, form, fieldPatterns(refs));
      setProblems(problemsOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeading
        title={title}
        description={`${planName}${period ? ` · 计划期 ${period.start} 至 ${period.end}` : ''}`}
        extra={
          <Link to={back}>
            <Button icon={<ArrowLeftOutlined />}>返回</Button>
          </Link>
        }
      />
      <Form<ProjectFormValues>
        form={form}
        layout="vertical"
        className="project-form"
        initialValues={initial}
        onFinish={submit}
        onFinishFailed={() => setProblems(['有必填项未填写，请查看标红的字段'])}
        scrollToFirstError
      >
        <Card size="small" title="项目概况" className="pf-card">
          <Form.Item
            label="项目名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}
          >
            <Input maxLength={200} placeholder="如 老旧小区改造项目" />
          </Form.Item>
          <div className="pf-grid-2">
            <Form.Item label="领域" name="field">
              <AutoComplete options={FIELD_OPTIONS} placeholder="选择或输入" maxLength={50} />
            </Form.Item>
            <Form.Item label="编号" name="ref" extra={id ? undefined : '留空自动编号（P01、P02……）'}>
              <Input maxLength={16} placeholder="P01" />
            </Form.Item>
          </div>
          <Form.Item label="年度工作任务" name="task" extra="写明做什么、在哪里、做多少">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Form.Item label="推进计划" name="planText" extra="原文照录；各节点在下方逐条填写">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} />
          </Form.Item>
          <Form.Item
            label="计划投入资金（元）"
            name="budget"
            extra={budget ? `合 ${wan(budget, 4)}` : '按元填写，精确到分，如 55000000'}
          >
            <Input inputMode="decimal" suffix="元" />
          </Form.Item>
        </Card>

        <Card size="small" title="责任单位" className="pf-card">
          <Form.Item
            label="牵头单位"
            name="leadUnitIds"
            rules={[{ required: true, type: 'array', min: 1, message: '请选择牵头单位' }]}
          >
            <Select
              mode="multiple"
              options={unitOptions}
              loading={units.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择单位"
            />
          </Form.Item>
          <Form.Item label="配合单位" name="partnerUnitIds">
            <Select
              mode="multiple"
              options={unitOptions}
              loading={units.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择单位，可多选"
            />
          </Form.Item>
          <p className="muted pf-note">列表中没有的单位，请先在“单位”页新增。</p>
        </Card>

        <Card size="small" title="领导和责任人（按顺序）" className="pf-card">
          <LeadersList />
        </Card>

        <Card size="small" title="绩效指标" className="pf-card">
          <IndicatorsList form={form} originalRefs={originalRefs} />
        </Card>

        <Card size="small" title="推进计划节点" className="pf-card">
          <MilestonesList form={form} period={period} />
        </Card>

        {problems.length > 0 && (
          <Alert
            className="page-alert"
            type="error"
            showIcon
            title={problems.length > 1 ? `有 ${problems.length} 处需要修改` : problems[0]}
            description={
              problems.length > 1 ? (
                <ul className="pf-problems">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <div className="pf-actions">
          <Button type="primary" size="large" icon={<SaveOutlined />} loading={saving} htmlType="submit">
            保存项目
          </Button>
          <Link to={back}>
            <Button size="large">取消</Button>
          </Link>
        </div>
      </Form>
    </>
  );
}
