import { Card, Form, Input, InputNumber } from 'antd';
import { quantityToNumber } from '../../../modules/progress/quantity.rules';
import { ApiError } from '../../app/api/client';
import { chineseDate, kindVerb, monthEnd, percent, quantity, wan } from './format';
import type { PlanIndicator, Quantity, ReportInput } from './progress.api';

// The report form's parts (ReportFormPage.tsx): a card per indicator, the money inputs, their helpers.

/** A value this many times the target needs a word of explanation (reporting.rules FAR_ABOVE_TARGET). */
const FAR_ABOVE_TARGET = 1.5;

export interface FormValues {
  regionCode?: string;
  asOf?: string;
  values: Record<string, number | string | null | undefined>;
  eligible: Record<string, number | null | undefined>;
  explanations: Record<string, string | undefined>;
  investment?: string | null;
  fundsArrived?: string | null;
  progressText?: string;
  problemsText?: string;
  nextText?: string;
}

export type Problems = Record<string, string>;

/** The months a report may be for: from the last approved one (or the start) up to now or the period end. */
export function monthOptions(period: { start: string; end: string }, from: string | null, today: string) {
  const last = today < period.end ? today : period.end;
  const out: { value: string; label: string }[] = [];
  let y = Number(period.start.slice(0, 4));
  let m = Number(period.start.slice(5, 7));
  for (;;) {
    const end = monthEnd(y, m, period.end);
    if (!from || end >= from)
      out.push({ value: end, label: `${y}年${m}月（截至${m}月${Number(end.slice(8))}日）` });
    if (end >= last) break;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export function problemsOf(error: unknown): Problems {
  if (!(error instanceof ApiError)) return {};
  const out: Problems = {};
  if (Array.isArray(error.details)) {
    for (const p of error.details as { field?: unknown; message?: unknown }[]) {
      if (typeof p?.field === 'string' && typeof p.message === 'string') out[p.field] = p.message;
    }
  }
  if (error.field && !out[error.field]) out[error.field] = error.message;
  return out;
}

/** {values: {I1: 3}} → ['values.I1']: the fields a change touched, to clear their complaints. */
export function paths(changed: object, prefix = ''): string[] {
  return Object.entries(changed).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? paths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const numberOrNull = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

export function IndicatorInput({
  indicator,
  last,
  lastAsOf,
  problems,
  watched,
  explanation,
  notSplitHere = false,
}: {
  indicator: PlanIndicator;
  /** A share (任务分解) that gave the reporting region no part of this indicator. */
  notSplitHere?: boolean;
  last: { value?: Quantity; eligible?: number };
  lastAsOf: string | null;
  problems: Problems;
  watched: { value: unknown; eligible: unknown };
  explanation: string | undefined;
}) {
  const { ref, kind } = indicator;
  const unit =
    kind === 'amount' ? '元' : kind === 'percent' ? '%' : kind === 'milestone' ? '个节点' : indicator.unit;
  const value = numberOrNull(watched.value);
  const target =
    kind === 'entitlement'
      ? numberOrNull(watched.eligible)
      : indicator.target !== undefined
        ? quantityToNumber(indicator.target)
        : kind === 'percent'
          ? 100
          : null;
  const below = value !== null && last.value !== undefined && value < quantityToNumber(last.value);
  const farAbove =
    value !== null &&
    kind !== 'entitlement' &&
    target !== null &&
    target > 0 &&
    value > target * FAR_ABOVE_TARGET;
  const explainField = `explanations.${ref}`;
  const showExplanation =
    below || farAbove || Boolean(explanation?.trim()) || Boolean(problems[explainField]);
  const valueLabel =
    kind === 'entitlement' ? '已享受人数（累计）' : kind === 'coverage' ? '已覆盖数（累计）' : '累计完成';

  return (
    <Card
      size="small"
      className="report-indicator"
      title={
        <span>
          <span className="ref">{ref}</span> {indicator.name}
          {indicator.unit && kind !== 'amount' ? `（${indicator.unit}）` : ''}
        </span>
      }
    >
      <div className="report-indicator-facts">
        <span>
          年度目标：
          {kind === 'entitlement'
            ? '应补尽补（应享受的全部享受）'
            : notSplitHere
              ? '未分解到本地区（如实填报完成数）'
              : quantity(kind, indicator.target ?? (kind === 'percent' ? 100 : null), indicator.unit)}
        </span>
        <span>
          上次审核通过：
          {last.value === undefined ? (
            '暂无'
          ) : (
            <>
              {quantity(kind, last.value, indicator.unit)}
              {kind === 'entitlement' && last.eligible !== undefined && `（应享受 ${last.eligible}）`}
              {lastAsOf && <span className="muted">（截至{chineseDate(lastAsOf)}）</span>}
            </>
          )}
        </span>
      </div>
      {kind === 'entitlement' && (
        <Form.Item
          name={['eligible', ref]}
          label="应享受人数"
          validateStatus={problems[`eligible.${ref}`] ? 'error' : undefined}
          help={problems[`eligible.${ref}`]}
        >
          <InputNumber
            className="big-number"
            size="large"
            min={0}
            precision={0}
            inputMode="numeric"
            suffix={indicator.unit ?? '人'}
            aria-label={`${indicator.name} 应享受人数`}
          />
        </Form.Item>
      )}
      <Form.Item
        name={['values', ref]}
        label={valueLabel}
        validateStatus={problems[`values.${ref}`] ? 'error' : below || farAbove ? 'warning' : undefined}
        help={
          problems[`values.${ref}`] ??
          (below
            ? `低于上次审核通过的 ${quantity(kind, last.value, indicator.unit)}，请在下面说明原因`
            : farAbove
              ? `超过年度目标的 ${FAR_ABOVE_TARGET * 100}%，请在下面说明原因`
              : undefined)
        }
        extra={
          value !== null && target !== null && target > 0 ? (
            <span>
              {kindVerb(kind)} {percent(value / target)}
              {kind === 'amount' && ` · 合 ${wan(String(watched.value))}`}
            </span>
          ) : kind === 'amount' && value !== null ? (
            `合 ${wan(String(watched.value))}`
          ) : undefined
        }
      >
        <InputNumber
          className="big-number"
          size="large"
          min={0}
          stringMode={kind === 'amount'}
          precision={kind === 'amount' ? 2 : undefined}
          inputMode="decimal"
          suffix={unit}
          aria-label={`${indicator.name} ${valueLabel}`}
        />
      </Form.Item>
      {showExplanation && (
        <Form.Item
          name={['explanations', ref]}
          label="情况说明"
          validateStatus={problems[explainField] ? 'error' : undefined}
          help={problems[explainField]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={500}
            aria-label={`${indicator.name} 情况说明`}
            placeholder="说明数值下降或大幅超过目标的原因，如：统计口径调整、上月误报"
          />
        </Form.Item>
      )}
    </Card>
  );
}

export function MoneyInput({
  name,
  label,
  problems,
}: {
  name: 'investment' | 'fundsArrived';
  label: string;
  problems: Problems;
}) {
  const value = Form.useWatch(name);
  return (
    <Form.Item
      name={name}
      label={label}
      validateStatus={problems[name] ? 'error' : undefined}
      help={problems[name]}
      extra={value ? `合 ${wan(String(value), 4)}` : '按元填写，如 20000000（即 2000 万元）'}
    >
      <InputNumber
        className="big-number"
        size="large"
        min={0}
        stringMode
        precision={2}
        inputMode="decimal"
        suffix="元"
        aria-label={label}
      />
    </Form.Item>
  );
}

/** What the form holds → the report the API takes: blanks left out, amounts as exact decimal text. */
export function reportInputOf(
  v: FormValues,
  indicators: readonly PlanIndicator[],
  where: { regionCode: string; sayRegion: boolean },
): ReportInput {
  const values: ReportInput['values'] = {};
  const eligible: ReportInput['eligible'] = {};
  const explanations: ReportInput['explanations'] = {};
  for (const indicator of indicators) {
    const raw = v.values?.[indicator.ref];
    if (raw !== null && raw !== undefined && raw !== '')
      values[indicator.ref] = indicator.kind === 'amount' ? String(raw) : Number(raw);
    const e = v.eligible?.[indicator.ref];
    if (indicator.kind === 'entitlement' && e !== null && e !== undefined)
      eligible[indicator.ref] = Number(e);
    const text = v.explanations?.[indicator.ref]?.trim();
    if (text) explanations[indicator.ref] = text;
  }
  const text = (t: string | undefined) => (t?.trim() ? t.trim() : null);
  return {
    ...(where.sayRegion ? { regionCode: where.regionCode } : {}),
    asOf: v.asOf ?? '',
    values,
    eligible,
    explanations,
    investment: v.investment ? String(v.investment) : null,
    fundsArrived: v.fundsArrived ? String(v.fundsArrived) : null,
    progressText: text(v.progressText),
    problemsText: text(v.problemsText),
    nextText: text(v.nextText),
  };
}

/** 进展情况, 存在问题, 下一步计划: what the figures do not say. */
const NARRATIVE = [
  { name: 'progressText', label: '进展情况', rows: 3, maxRows: 10, placeholder: '本期完成了哪些工作' },
  {
    name: 'problemsText',
    label: '存在问题',
    rows: 2,
    maxRows: 8,
    placeholder: '遇到的困难和需要协调的事项（没有可不填）',
  },
  { name: 'nextText', label: '下一步计划', rows: 2, maxRows: 8, placeholder: '下一阶段的工作安排' },
] as const;

export function ReportNarrativeCard() {
  return (
    <Card size="small" title="文字说明" className="report-section">
      {NARRATIVE.map((n) => (
        <Form.Item key={n.name} name={n.name} label={n.label}>
          <Input.TextArea
            autoSize={{ minRows: n.rows, maxRows: n.maxRows }}
            maxLength={2000}
            placeholder={n.placeholder}
          />
        </Form.Item>
      ))}
    </Card>
  );
}
