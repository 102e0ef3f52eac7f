import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, type FormInstance, Input, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { INDICATOR_KINDS, type IndicatorKind } from '../../../modules/progress/indicator.rules';
import { wan } from './format';

/** The form's values: what the person types, before it becomes the request body. */
export interface ProjectFormValues {
  ref?: string;
  name?: string;
  field?: string;
  task?: string;
  planText?: string;
  leadUnitIds: string[];
  partnerUnitIds: string[];
  leaders: { role?: string; name?: string; phone?: string }[];
  budget?: string;
  indicators: IndicatorValues[];
  milestones: MilestoneValues[];
}

export interface IndicatorValues {
  ref: string;
  name?: string;
  unit?: string;
  kind: IndicatorKind;
  target?: string;
  /** Has reports or allocations: it cannot be removed or change kind. */
  inUse?: boolean;
}

export interface MilestoneValues {
  due?: string;
  text?: string;
  planned: Record<string, string | undefined>;
  investment?: string;
}

/** What each kind means to whoever sets the target (DOMAIN.md "Indicator kinds"). */
export const KIND_CHOICES: Record<IndicatorKind, { label: string; target: string }> = {
  count: { label: '数量（完成多少）', target: '目标数量' },
  amount: { label: '金额（元）', target: '目标金额（元）' },
  coverage: { label: '覆盖（全覆盖，目标为总数）', target: '应覆盖总数' },
  entitlement: { label: '应补尽补（不设目标）', target: '' },
  percent: { label: '百分比（如 工程形象进度）', target: '目标 %（默认 100）' },
  milestone: { label: '节点（按推进计划节点）', target: '节点数（默认全部节点）' },
};

const ROLE_OPTIONS = ['县级分管领导', '责任领导', '分管领导', '责任人', '联络员'].map((value) => ({ value }));

const KIND_OPTIONS = INDICATOR_KINDS.map((k) => ({ value: k, label: KIND_CHOICES[k].label }));

/** The next free indicator ref, never one the project had when the form opened (reports point at those). */
export function nextIndicatorRef(current: readonly IndicatorValues[], original: readonly string[]): string {
  const taken = new Set([...current.map((i) => i.ref), ...original]);
  for (let n = 1; ; n++) if (!taken.has(`I${n}`)) return `I${n}`;
}

function ItemHead({
  title,
  onUp,
  onDown,
  onRemove,
  removeLabel,
  removeDisabled,
}: {
  title: ReactNode;
  onUp?: () => void;
  onDown?: () => void;
  onRemove: () => void;
  removeLabel: string;
  removeDisabled?: boolean;
}) {
  return (
    <div className="pf-item-head">
      <span className="pf-item-title">{title}</span>
      <span className="pf-item-actions">
        {onUp && (
          <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" onClick={onUp} />
        )}
        {onDown && (
          <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" onClick={onDown} />
        )}
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={removeLabel}
          title={removeDisabled ? '已有进度报告或任务分解，不能删除' : removeLabel}
          disabled={removeDisabled}
          onClick={onRemove}
        />
      </span>
    </div>
  );
}

/** 责任领导 and 责任人 in the order the plan lists them, each with a role and (optionally) a phone. */
export function LeadersList() {
  return (
    <Form.List name="leaders">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((f, i) => (
            <div key={f.key} className="pf-item">
              <ItemHead
                title={`第 ${i + 1} 位`}
                onUp={i > 0 ? () => move(i, i - 1) : undefined}
                onDown={i < fields.length - 1 ? () => move(i, i + 1) : undefined}
                onRemove={() => remove(f.name)}
                removeLabel={`删除第 ${i + 1} 位领导`}
              />
              <div className="pf-grid-3">
                <Form.Item
                  name={[f.name, 'role']}
                  label="职务"
                  rules={[{ required: true, message: '请填写职务' }]}
                >
                  {/* Any role a plan uses: what is typed stays even when it is not in the list. */}
                  <AutoComplete options={ROLE_OPTIONS} placeholder="选择或输入" maxLength={30} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  label="姓名"
                  rules={[{ required: true, message: '请填写姓名' }]}
                >
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
                <Form.Item name={[f.name, 'phone']} label="联系电话">
                  <Input maxLength={20} inputMode="tel" autoComplete="off" />
                </Form.Item>
              </div>
            </div>
          ))}
          <Button icon={<PlusOutlined />} type="dashed" block onClick={() => add({ role: '责任人' })}>
            添加领导或责任人
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Indicators of every kind, each with its unit and target; refs stay with the indicator. */
export function IndicatorsList({ form, originalRefs }: { form: FormInstance; originalRefs: string[] }) {
  const indicators = (Form.useWatch('indicators', form) ?? []) as IndicatorValues[];
  return (
    <Form.List name="indicators">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((f, i) => {
            const value = indicators[i];
            const kind = value?.kind ?? 'count';
            const inUse = Boolean(value?.inUse);
            return (
              <div key={f.key} className="pf-item">
                <ItemHead
                  title={
                    <>
                      <Tag>{value?.ref}</Tag> 指标 {i + 1}
                      {inUse && <span className="muted">（已有报告）</span>}
                    </>
                  }
                  onUp={i > 0 ? () => move(i, i - 1) : undefined}
                  onDown={i < fields.length - 1 ? () => move(i, i + 1) : undefined}
                  onRemove={() => remove(f.name)}
                  removeLabel={`删除指标 ${value?.ref ?? i + 1}`}
                  removeDisabled={inUse}
                />
                {/* Registered, so that the ref and the in-use flag stay in the form's values. */}
                <Form.Item name={[f.name, 'ref']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'inUse']} hidden valuePropName="checked">
                  <Input type="checkbox" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  label="指标名称"
                  rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}
                >
                  <Input maxLength={100} placeholder="如 新建口袋公园" />
                </Form.Item>
                <div className="pf-grid-3">
                  <Form.Item
                    name={[f.name, 'kind']}
                    label="类型"
                    rules={[{ required: true, message: '请选择类型' }]}
                  >
                    <Select options={KIND_OPTIONS} disabled={inUse} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'target']}
                    label={KIND_CHOICES[kind].target || '目标'}
                    extra={kind === 'amount' && value?.target ? `合 ${wan(value.target, 4)}` : undefined}
                  >
                    <Input
                      inputMode="decimal"
                      disabled={kind === 'entitlement'}
                      placeholder={kind === 'entitlement' ? '按应享受人数' : undefined}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} label="计量单位">
                    <Input maxLength={20} placeholder="个、所、人" disabled={kind === 'amount'} />
                  </Form.Item>
                </div>
              </div>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            type="dashed"
            block
            onClick={() => add({ ref: nextIndicatorRef(indicators, originalRefs), kind: 'count' })}
          >
            添加指标
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 推进计划 as dated steps: what is due, the cumulative value planned for each indicator, the investment. */
export function MilestonesList({
  form,
  period,
}: {
  form: FormInstance;
  period?: { start: string; end: string };
}) {
  const indicators = ((Form.useWatch('indicators', form) ?? []) as IndicatorValues[]).filter(
    (i) => i?.ref && i.kind !== 'entitlement',
  );
  const milestones = (Form.useWatch('milestones', form) ?? []) as MilestoneValues[];
  return (
    <Form.List name="milestones">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((f, i) => (
            <div key={f.key} className="pf-item">
              <ItemHead
                title={`节点 ${i + 1}`}
                onUp={i > 0 ? () => move(i, i - 1) : undefined}
                onDown={i < fields.length - 1 ? () => move(i, i + 1) : undefined}
                onRemove={() => remove(f.name)}
                removeLabel={`删除节点 ${i + 1}`}
              />
              <div className="pf-grid-2">
                <Form.Item
                  name={[f.name, 'due']}
                  label="完成时限"
                  rules={[{ required: true, message: '请选择日期' }]}
                >
                  <Input type="date" min={period?.start} max={period?.end} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'investment']}
                  label="本阶段计划投资（元）"
                  extra={milestones[i]?.investment ? `合 ${wan(milestones[i]!.investment!, 4)}` : undefined}
                >
                  <Input inputMode="decimal" suffix="元" />
                </Form.Item>
              </div>
              <Form.Item name={[f.name, 'text']} label="节点内容">
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={500}
                  placeholder="如 完成招标并开工"
                />
              </Form.Item>
              {indicators.length > 0 && (
                <fieldset className="pf-planned">
                  <legend>到此节点累计应完成</legend>
                  <div className="pf-grid-3">
                    {indicators.map((ind) => (
                      <Form.Item
                        key={ind.ref}
                        name={[f.name, 'planned', ind.ref]}
                        label={`${ind.ref} ${ind.name ?? ''}${ind.kind === 'amount' ? '（元）' : ind.unit ? `（${ind.unit}）` : ''}`}
                      >
                        <Input inputMode="decimal" />
                      </Form.Item>
                    ))}
                  </div>
                </fieldset>
              )}
            </div>
          ))}
          <Button icon={<PlusOutlined />} type="dashed" block onClick={() => add({ planned: {} })}>
            添加节点
          </Button>
        </>
      )}
    </Form.List>
  );
}
