import { Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { showOnFormFields } from '../../app/api/form-errors';
import type { Gravity, OrderDetail, StepInput, StepKind } from './supervision.api';

interface Values {
  text?: string;
  grade?: StepInput['grade'];
  dueOn?: string;
}

/** What each step's form asks, in the words of the 13710 process. */
const FORMS: Partial<
  Record<
    StepKind,
    { title: string; ok: string; text: string; required: boolean; placeholder: string; danger?: boolean }
  >
> = {
  acknowledged: {
    title: '签收部署',
    ok: '签收',
    text: '签收意见（选填）',
    required: false,
    placeholder: '如：已签收，明确由分管副局长牵头当日部署',
  },
  measures: {
    title: '报送整改措施',
    ok: '报送',
    text: '整改措施',
    required: true,
    placeholder: '针对滞后原因采取的措施、责任人和时间节点',
  },
  resolution: {
    title: '报告办结情况',
    ok: '报告办结',
    text: '办结情况',
    required: true,
    placeholder: '完成了什么、现场核实情况、相关佐证',
  },
  closed: { title: '办结评定', ok: '评定办结', text: '评定意见（选填）', required: false, placeholder: '' },
  returned: {
    title: '退回重办（评定不合格）',
    ok: '退回',
    text: '退回原因',
    required: true,
    placeholder: '未达到督办要求的具体情况',
    danger: true,
  },
  reminded: {
    title: '催办',
    ok: '催办',
    text: '催办内容（选填）',
    required: false,
    placeholder: '如：请今日内签收',
  },
};

export function StepModal({
  kind,
  gravity,
  onTake,
  onClose,
}: {
  kind: StepKind;
  gravity: Gravity;
  onTake: (input: StepInput) => Promise<OrderDetail>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const spec = FORMS[kind]!;
  const withDate = (kind === 'measures' && gravity === 'major') || kind === 'returned';
  return (
    <Modal
      open
      title={spec.title}
      okText={spec.ok}
      okButtonProps={{ danger: spec.danger }}
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={kind === 'closed' ? { grade: '良好' } : {}}
        onFinish={async (values) => {
          setSaving(true);
          setFailure(null);
          try {
            await onTake({
              text: values.text?.trim() || undefined,
              grade: values.grade,
              dueOn: values.dueOn || undefined,
            });
            onClose();
          } catch (error) {
            if (!showOnFormFields(error, form, ['text', 'grade', 'dueOn'])) {
              setFailure(error instanceof Error ? error.message : '提交失败，请稍后再试');
            }
          } finally {
            setSaving(false);
          }
        }}
      >
        {kind === 'closed' && (
          <Form.Item name="grade" label="评定等次" extra="不合格的请退回重办。">
            <Radio.Group
              optionType="button"
              options={['优秀', '良好', '合格'].map((g) => ({ value: g, label: g }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={spec.text}
          rules={spec.required ? [{ required: true, whitespace: true, message: `请填写${spec.text}` }] : []}
        >
          <Input.TextArea
            rows={4}
            maxLength={kind === 'measures' || kind === 'resolution' ? 2000 : 1000}
            placeholder={spec.placeholder}
          />
        </Form.Item>
        {withDate && (
          <Form.Item
            name="dueOn"
            label={
              kind === 'returned' ? '重新办结期限（选填，默认 7 日）' : '计划办结日期（选填，默认 1 个月内）'
            }
          >
            <Input type="date" />
          </Form.Item>
        )}
        {failure && <div className="ant-form-item-explain-error">{failure}</div>}
      </Form>
    </Modal>
  );
}
