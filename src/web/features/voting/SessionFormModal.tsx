import { Alert, App, Checkbox, Collapse, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../app/api/client';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import {
  type Fraction,
  type RuleInput,
  type SessionView,
  useCandidates,
  useVotingActions,
} from './voting.api';

interface Values {
  congress: string;
  sitting: string;
  title?: string;
  candidateIds: string[];
  seats: number;
  method: 'approval' | 'ranking';
  maxYes?: number | null;
  unlimitedYes: boolean;
  overfull: 'void' | 'refuse';
  maxRanked?: number | null;
  quorum: Fraction;
  threshold: Fraction;
  thresholdBase: NonNullable<RuleInput['thresholdBase']>;
}

/** DOMAIN.md "Voting rules": more than half present, more than half of the whole roll to pass. */
const MORE_THAN_HALF: Fraction = { numerator: 1, denominator: 2, inclusive: false };

const FIELDS = [
  'congress',
  'sitting',
  'title',
  'candidateIds',
  'seats',
  'maxYes',
  'overfull',
  'maxRanked',
  'quorum.numerator',
  'quorum.denominator',
  'threshold.numerator',
  'threshold.denominator',
];

/** The server names rule fields rule.*; the form keeps them at the top level. */
function onForm(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.field?.startsWith('rule.')) return error;
  return new ApiError(error.status, {
    code: error.code,
    message: error.message,
    field: error.field.slice(5),
  });
}

function FractionField({ name, label }: { name: 'quorum' | 'threshold'; label: string }) {
  return (
    <Form.Item label={label} required>
      <Space wrap>
        <Form.Item name={[name, 'inclusive']} noStyle>
          <Select
            aria-label={`${label}方式`}
            style={{ width: 88 }}
            options={[
              { value: false, label: '超过' },
              { value: true, label: '达到' },
            ]}
          />
        </Form.Item>
        <Form.Item name={[name, 'numerator']} noStyle rules={[{ required: true, message: '请填写分子' }]}>
          <InputNumber aria-label={`${label}分子`} min={1} precision={0} style={{ width: 70 }} />
        </Form.Item>
        <span>/</span>
        <Form.Item name={[name, 'denominator']} noStyle rules={[{ required: true, message: '请填写分母' }]}>
          <InputNumber aria-label={`${label}分母`} min={1} precision={0} style={{ width: 70 }} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

/** What the form shows for a session being edited: the rule as set, not as it works out. */
function valuesOf(s: SessionView): Values {
  const { rule } = s;
  return {
    congress: s.congress,
    sitting: s.sitting,
    title: s.title,
    candidateIds: s.candidates.map((c) => c.id),
    seats: s.seats,
    method: rule.method,
    // A limit equal to the seats is the default: left empty, it follows the seats when they change.
    maxYes: rule.maxYes === null || rule.maxYes === s.seats ? undefined : rule.maxYes,
    unlimitedYes: rule.maxYes === null,
    overfull: rule.overfull ?? 'void',
    maxRanked: rule.maxRanked === s.candidates.length ? undefined : rule.maxRanked,
    quorum: rule.quorum,
    threshold: rule.threshold,
    thresholdBase: rule.thresholdBase,
  };
}

function ruleOf(v: Values): RuleInput {
  return {
    method: v.method,
    quorum: v.quorum,
    threshold: v.threshold,
    thresholdBase: v.thresholdBase,
    ...(v.method === 'approval'
      ? { maxYes: v.unlimitedYes ? null : (v.maxYes ?? undefined), overfull: v.overfull }
      : { maxRanked: v.maxRanked ?? undefined }),
  };
}

/** 新建票决会议: congress and sitting, candidates from the plan year's list, seats and the rule. */
export function CreateSessionModal(props: {
  region: string;
  year: number;
  regionName: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { message } = App.useApp();
  const actions = useVotingActions();
  return (
    <SessionFormModal
      title="新建票决会议"
      okText="新建"
      region={props.region}
      year={props.year}
      initial={{
        congress: `${props.regionName}第十七届人民代表大会`,
        method: 'approval',
        unlimitedYes: false,
        overfull: 'void',
        quorum: MORE_THAN_HALF,
        threshold: MORE_THAN_HALF,
        thresholdBase: 'roll',
      }}
      onClose={props.onClose}
      save={async (body) => {
        const created = await actions.create(props.region, props.year, body);
        message.success('已新建票决会议，请导入代表名单');
        props.onCreated(created.id);
      }}
    />
  );
}

/** 修改票决会议: every setting, while the session is still in preparation (筹备中). */
export function EditSessionModal(props: { session: SessionView; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const actions = useVotingActions(props.session.id);
  return (
    <SessionFormModal
      title="修改票决会议"
      okText="保存"
      region={props.session.region}
      year={props.session.year}
      initial={valuesOf(props.session)}
      onClose={props.onClose}
      save={async (body) => {
        await actions.update(body);
        await actions.refresh();
        message.success('已保存票决会议设置');
        props.onSaved();
      }}
    />
  );
}

function SessionFormModal(props: {
  title: string;
  okText: string;
  region: string;
  year: number;
  initial: Partial<Values>;
  onClose: () => void;
  save: (body: {
    congress: string;
    sitting: string;
    title: string | null;
    candidateIds: string[];
    seats: number;
    rule: RuleInput;
  }) => Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const candidates = useCandidates(props.region, props.year);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const method = Form.useWatch('method', form);
  const unlimitedYes = Form.useWatch('unlimitedYes', form);
  const items = useMemo(() => candidates.data?.items ?? [], [candidates.data]);
  // What goes to the vote by default is the shortlist the meetings approved (every candidate when
  // nothing is shortlisted yet: the server then says what is missing).
  const shortlist = useMemo(
    () => (items.some((c) => c.shortlisted) ? items.filter((c) => c.shortlisted) : items),
    [items],
  );

  useEffect(() => {
    if (shortlist.length && !form.getFieldValue('candidateIds')?.length) {
      form.setFieldsValue({
        candidateIds: [...shortlist].sort((a, b) => a.seq - b.seq).map((c) => c.id),
        seats: Math.max(1, Math.round(shortlist.length * 0.8)),
      });
    }
  }, [shortlist, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      await props.save({
        congress: v.congress,
        sitting: v.sitting,
        title: v.title || null,
        candidateIds: v.candidateIds,
        seats: v.seats,
        rule: ruleOf(v),
      });
    } catch (error) {
      if (!showOnFormFields(onForm(error), form, FIELDS)) setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      width={640}
    >
      {candidates.error && <Alert type="error" showIcon title={errorMessage(candidates.error)} />}
      {candidates.data && items.length === 0 && (
        <Alert type="warning" showIcon title="该年度计划还没有候选项目，请先在“部门谋划”导入候选项目清单" />
      )}
      {problem && <Alert className="page-alert" type="error" showIcon title={problem} />}
      <Form<Values> form={form} layout="vertical" initialValues={props.initial}>
        <Form.Item
          name="congress"
          label="人民代表大会届次"
          rules={[{ required: true, message: '请填写届次' }]}
        >
          <Input placeholder="如：沁水县第十七届人民代表大会" />
        </Form.Item>
        <Form.Item name="sitting" label="会议" rules={[{ required: true, message: '请填写会议次序' }]}>
          <Input placeholder="如：第四次会议" />
        </Form.Item>
        <Form.Item name="title" label="票决事项（可不填）">
          <Input placeholder={`${props.year}年民生实事项目人大代表票决`} />
        </Form.Item>
        <Form.Item
          name="candidateIds"
          label={`候选项目（按选票顺序，共 ${shortlist.length} 项）`}
          rules={[{ required: true, message: '请选择候选项目' }]}
        >
          <Select
            mode="multiple"
            loading={candidates.isPending}
            optionFilterProp="label"
            options={items.map((c) => ({
              value: c.id,
              label: `${c.seq}. ${c.name}${c.shortlisted ? '' : '（未入围）'}`,
            }))}
            maxTagCount="responsive"
          />
        </Form.Item>
        <Form.Item
          name="seats"
          label="应选名额"
          extra="差额票决：候选项目须多于应选名额"
          rules={[{ required: true, message: '请填写应选名额' }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="method" label="选票形式">
          <Radio.Group
            options={[
              { value: 'approval', label: '逐项表决（赞成/反对/弃权）' },
              { value: 'ranking', label: '排序票' },
            ]}
          />
        </Form.Item>
        <Collapse
          size="small"
          items={[
            {
              key: 'rule',
              label:
                '表决规则（默认：赞成不超过应选名额，超过的为无效票；出席超过全体代表半数；赞成超过全体代表半数为通过）',
              forceRender: true,
              children: (
                <>
                  {method === 'ranking' ? (
                    <Form.Item name="maxRanked" label="每票最多排序数" extra="不填为全部候选项目">
                      <InputNumber min={1} precision={0} />
                    </Form.Item>
                  ) : (
                    <>
                      <Form.Item label="每票最多赞成数" extra="不填为应选名额">
                        <Space wrap>
                          <Form.Item name="maxYes" noStyle>
                            <InputNumber
                              aria-label="每票最多赞成数"
                              min={1}
                              precision={0}
                              disabled={unlimitedYes}
                            />
                          </Form.Item>
                          <Form.Item name="unlimitedYes" valuePropName="checked" noStyle>
                            <Checkbox>不限</Checkbox>
                          </Form.Item>
                        </Space>
                      </Form.Item>
                      <Form.Item name="overfull" label="赞成超过上限的选票">
                        <Radio.Group
                          disabled={unlimitedYes}
                          options={[
                            { value: 'void', label: '计为无效票（默认）' },
                            { value: 'refuse', label: '不予接收：电子票提示代表重选，纸质票当场退回重填' },
                          ]}
                        />
                      </Form.Item>
                    </>
                  )}
                  <FractionField name="quorum" label="出席人数须（占全体代表）" />
                  <FractionField name="threshold" label="通过所需票数" />
                  <Form.Item name="thresholdBase" label="通过票数的基数">
                    <Select
                      options={[
                        { value: 'roll', label: '全体代表' },
                        { value: 'present', label: '出席代表' },
                        { value: 'returned', label: '收回选票' },
                        { value: 'valid', label: '有效选票' },
                      ]}
                    />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
