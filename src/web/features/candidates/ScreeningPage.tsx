import { MinusCircleOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { type Criterion, type ScreeningItem, useCandidateActions, useScreening } from './candidates.api';
import { PlanYearBar, usePlanYearParam } from './PlanYearBar';
import './candidates.css';

function WeightsModal({
  criteria,
  onSave,
  onClose,
}: {
  criteria: Criterion[];
  onSave: (criteria: Criterion[]) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ criteria: Criterion[] }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const list = Form.useWatch('criteria', form) ?? criteria;
  const sum = list.reduce((n, c) => n + (Number(c?.weight) || 0), 0);
  const submit = async (v: { criteria: Criterion[] }) => {
    setSaving(true);
    try {
      await onSave(v.criteria.map((c) => ({ name: c.name, weight: Number(c.weight) })));
      onClose();
    } catch (error) {
      if (!showOnFormFields(error, form, ['criteria.*.name', 'criteria.*.weight']))
        message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="评分标准与权重"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical" initialValues={{ criteria }} onFinish={submit}>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="criterion-row">
                  <Form.Item
                    name={[f.name, 'name']}
                    label="标准"
                    rules={[{ required: true, message: '请填写名称' }]}
                  >
                    <Input maxLength={20} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'weight']}
                    label="权重（%）"
                    rules={[{ required: true, message: '请填写权重' }]}
                  >
                    <InputNumber min={1} max={100} precision={0} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label="删除该标准"
                    onClick={() => remove(f.name)}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', weight: 10 })}
              >
                添加评分标准
              </Button>
            </>
          )}
        </Form.List>
        <p className={sum === 100 ? 'weight-sum' : 'weight-sum weight-sum-bad'}>
          权重合计 {sum}%（须为 100%）
        </p>
      </Form>
    </Modal>
  );
}

/** One score: saved when the field is left, so a coordinator can type across the table. */
function ScoreInput({
  item,
  criterion,
  onSave,
}: {
  item: ScreeningItem;
  criterion: string;
  onSave: (v: number | null) => void;
}) {
  const current = item.scores[criterion];
  return (
    <InputNumber
      aria-label={`${item.name} ${criterion}得分`}
      className="score-input"
      min={0}
      max={100}
      step={1}
      precision={1}
      defaultValue={current}
      key={`${item.id}-${criterion}-${current ?? ''}`}
      inputMode="decimal"
      onBlur={(e) => {
        const text = e.target.value.trim();
        const value = text === '' ? null : Number(text);
        if (value !== (current ?? null)) onSave(value);
      }}
    />
  );
}

/** 优化比选: scores on named criteria, weighted totals, ranking and the shortlist. */
export function ScreeningPage() {
  const plan = usePlanYearParam();
  const { region, year } = plan;
  const screening = useScreening(region, year);
  const actions = useCandidateActions(region ?? '', year ?? 0);
  const { message } = App.useApp();
  const [weights, setWeights] = useState(false);
  const data = screening.data;
  const editable = Boolean(data?.editable);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await actions.refresh();
    } catch (error) {
      message.error(errorMessage(error));
      await actions.refresh();
    }
  };

  const columns: Column<ScreeningItem>[] = [
    {
      key: 'rank',
      title: '排名',
      width: 72,
      render: (i) =>
        i.rank === null ? (
          <span className="muted">未评完</span>
        ) : (
          <span className="rank">
            {i.rank}
            {i.tied ? '（并列）' : ''}
          </span>
        ),
    },
    {
      key: 'name',
      title: '项目',
      hideOnCard: true,
      render: (i) => (
        <div>
          <strong>{i.name}</strong>
          <div className="muted">{i.lead.join('、') || '—'}</div>
        </div>
      ),
    },
    ...(data?.criteria ?? []).map(
      (c): Column<ScreeningItem> => ({
        key: `c-${c.name}`,
        title: `${c.name}（${c.weight}%）`,
        render: (i) =>
          editable ? (
            <ScoreInput
              item={i}
              criterion={c.name}
              onSave={(v) => act(() => actions.score(i.id, { [c.name]: v }))}
            />
          ) : (
            (i.scores[c.name] ?? '—')
          ),
      }),
    ),
    { key: 'total', title: '加权总分', render: (i) => (i.total === null ? '—' : <strong>{i.total}</strong>) },
    {
      key: 'shortlisted',
      title: '入围',
      render: (i) => (
        <Switch
          aria-label={`${i.name} 入围`}
          checked={i.shortlisted}
          disabled={!editable}
          checkedChildren="入围"
          unCheckedChildren="未入围"
          onChange={(v) => act(() => actions.shortlist(i.id, v))}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeading
        title="优化比选"
        description="按“急需先立、成熟先立、好中选优”，从普惠性、实效性、可行性、目标可量化等方面为每个候选项目打分（0–100），按加权总分排名，确定入围清单。"
        extra={
          editable && (
            <Button icon={<SettingOutlined />} onClick={() => setWeights(true)}>
              调整权重
            </Button>
          )
        }
      />
      <PlanYearBar plan={plan} state={data?.state} stateLabel={data?.stateLabel} />
      {screening.error && <Alert type="error" showIcon title={errorMessage(screening.error)} />}
      {data && (
        <Card size="small" className="screening-summary">
          <Space wrap>
            <span>评分标准：</span>
            {data.criteria.map((c) => (
              <Tag key={c.name} color="blue">
                {c.name} {c.weight}%
              </Tag>
            ))}
            <span className="shortlist-count">
              入围 <strong>{data.shortlisted}</strong> / {data.items.length} 个
            </span>
          </Space>
          {!editable && data.state !== 'draft' && (
            <p className="muted">清单已提交会议研究，评分和入围名单不能再调整。</p>
          )}
        </Card>
      )}
      <ResponsiveTable<ScreeningItem>
        label="比选评分"
        rows={data?.items}
        loading={screening.isPending}
        rowKey={(i) => i.id}
        columns={columns}
        paginate={false}
        emptyText="本年度还没有候选项目"
        cardTitle={(i) => (
          <span className="card-title">
            {i.name} {i.shortlisted && <Tag color="blue">入围</Tag>}
          </span>
        )}
      />
      {weights && data && (
        <WeightsModal
          criteria={data.criteria}
          onClose={() => setWeights(false)}
          onSave={async (criteria) => {
            await actions.setCriteria(criteria);
            message.success('已保存评分标准和权重');
            await actions.refresh();
          }}
        />
      )}
    </>
  );
}
