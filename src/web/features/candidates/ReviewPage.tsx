import { Alert, App, Button, Card, Form, Input, Select, Steps, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { REVIEW_DECISION_LABELS, REVIEW_DECISIONS } from '../../../modules/candidates/review.rules';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { type ReviewInput, type Reviews, useCandidateActions, useReviews } from './candidates.api';
import { PlanYearBar, usePlanYearParam } from './PlanYearBar';
import './candidates.css';

const DECISION_COLORS = { approved: 'green', approved_with_changes: 'gold', rejected: 'red' } as const;

function stepOf(r: Reviews): number {
  if (r.state === 'approved') return 2;
  if (r.state === 'government_approved') return 1;
  return 0;
}

function RecordForm({ reviews, onSaved }: { reviews: Reviews; onSaved: () => void }) {
  const plan = usePlanYearParam();
  const actions = useCandidateActions(plan.region ?? '', plan.year ?? 0);
  const [form] = Form.useForm<{ heldOn: string; decision: ReviewInput['decision']; note?: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const meeting = reviews.state === 'government_approved' ? 'party' : 'government';
  const label = meeting === 'party' ? '党委常委会' : '政府常务会';
  const submit = async (v: { heldOn: string; decision: ReviewInput['decision']; note?: string }) => {
    setSaving(true);
    try {
      await actions.review({ meeting, heldOn: v.heldOn, decision: v.decision, note: v.note ?? '' });
      message.success(`已录入${label}研究结果`);
      form.resetFields();
      await actions.refresh();
      onSaved();
    } catch (error) {
      if (!showOnFormFields(error, form, ['heldOn', 'decision', 'note'])) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={`录入${label}研究结果`} className="review-form">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: 'approved' }}>
        <div className="form-pair">
          <Form.Item label="会议日期" name="heldOn" rules={[{ required: true, message: '请选择会议日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label="研究结果" name="decision" rules={[{ required: true, message: '请选择研究结果' }]}>
            <Select options={REVIEW_DECISIONS.map((d) => ({ value: d, label: REVIEW_DECISION_LABELS[d] }))} />
          </Form.Item>
        </div>
        <Form.Item label="会议意见" name="note">
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder="如：原则通过，城区公厕项目压缩规模"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

/** 会议研究: 政府常务会 then 党委常委会 approve the list before it goes to the deputies' vote. */
export function ReviewPage() {
  const plan = usePlanYearParam();
  const reviews = useReviews(plan.region, plan.year);
  const can = useCan();
  const data = reviews.data;
  return (
    <>
      <PageHeading
        title="会议研究"
        description="候选项目清单先经政府常务会议研究，再经党委常委会议研究；两次会议都通过后，清单才能提交人大代表票决。"
      />
      <PlanYearBar plan={plan} state={data?.state} stateLabel={data?.stateLabel} />
      {reviews.error && <Alert type="error" showIcon title={errorMessage(reviews.error)} />}
      {data && (
        <>
          <Card size="small" className="review-steps">
            <Steps
              current={stepOf(data)}
              status={data.readyForVote ? 'finish' : 'process'}
              responsive
              items={[{ title: '政府常务会' }, { title: '党委常委会' }, { title: '提交人大代表票决' }]}
            />
            {data.readyForVote ? (
              <Alert type="success" showIcon title="候选项目清单已审定，可以提交人大代表票决。" />
            ) : (
              <Alert type="warning" showIcon title={`提交票决前还需：${data.missing.join('、')}`} />
            )}
          </Card>
          {!data.readyForVote && can('plan.manage') && (
            <RecordForm reviews={data} onSaved={() => undefined} />
          )}
          <Card size="small" title="会议记录">
            {data.records.length === 0 ? (
              <p className="muted">还没有会议研究记录。</p>
            ) : (
              <Timeline
                items={data.records.map((r) => ({
                  color: DECISION_COLORS[r.decision],
                  content: (
                    <div className="review-record">
                      <strong>
                        {r.heldOn} {r.meetingLabel}
                      </strong>{' '}
                      <Tag color={DECISION_COLORS[r.decision]}>{r.decisionLabel}</Tag>
                      <span className="muted">研究入围项目 {r.listSize} 个</span>
                      {r.note && <p>{r.note}</p>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </>
      )}
    </>
  );
}
