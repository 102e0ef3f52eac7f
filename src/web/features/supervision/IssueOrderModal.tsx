import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { showOnFormFields } from '../../app/api/form-errors';
import { STATUS_SHORT } from '../progress/format';
import type { BoardProject, IssueInput, OrderDetail } from './supervision.api';

interface Values {
  projectId: string;
  unitId: string;
  gravity: IssueInput['gravity'];
  reason: string;
  requirement?: string;
}

/**
 * 下达督办: the project (lagging ones first, with the reason prefilled in the bulletin's words), which
 * of its units, how grave; the 13710 deadlines follow from the day it is issued.
 */
export function IssueOrderModal({
  projects,
  lagging,
  initialProjectId,
  initialReason,
  inspectionId,
  onIssue,
  onClose,
}: {
  projects: BoardProject[];
  lagging: string[];
  initialProjectId?: string;
  /** A deputy's inspection opinion the order is made from: its words start the reason. */
  initialReason?: string;
  inspectionId?: string;
  onIssue: (input: IssueInput) => Promise<OrderDetail>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const projectId = Form.useWatch('projectId', form);
  const project = projects.find((p) => p.id === projectId);
  const initial = projects.find((p) => p.id === initialProjectId);
  const ordered = [...projects].sort(
    (a, b) => Number(lagging.includes(b.id)) - Number(lagging.includes(a.id)) || a.ref.localeCompare(b.ref),
  );

  const choose = (id: string) => {
    const p = projects.find((x) => x.id === id);
    form.setFieldsValue({ unitId: p?.units[0]?.id, reason: p?.reason });
  };

  return (
    <Modal
      open
      title="下达督办"
      okText="下达"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          projectId: initial?.id,
          unitId: initial?.units[0]?.id,
          gravity: 'ordinary',
          reason: initialReason ?? initial?.reason,
        }}
        onFinish={async (values) => {
          setSaving(true);
          setFailure(null);
          try {
            await onIssue({
              ...values,
              requirement: values.requirement || undefined,
              // Only while the order is still about the inspected project.
              inspectionId: values.projectId === initialProjectId ? inspectionId : undefined,
            });
            onClose();
          } catch (error) {
            if (!showOnFormFields(error, form, ['projectId', 'unitId', 'gravity', 'reason', 'requirement'])) {
              setFailure(error instanceof Error ? error.message : '下达失败，请稍后再试');
            }
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="projectId" label="督办项目" rules={[{ required: true, message: '请选择项目' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择项目"
            onChange={choose}
            options={ordered.map((p) => ({
              value: p.id,
              label: `${p.ref} ${p.name}（${STATUS_SHORT[p.status]}${p.underOrder ? '，督办中' : ''}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label="督办单位" rules={[{ required: true, message: '请选择督办单位' }]}>
          <Select
            placeholder={project ? '选择牵头或配合单位' : '先选择项目'}
            disabled={!project}
            options={(project?.units ?? []).map((u) => ({
              value: u.id,
              label: `${u.name}（${u.role === 'lead' ? '牵头' : '配合'}）`,
            }))}
            notFoundContent="该项目没有登记责任单位"
          />
        </Form.Item>
        <Form.Item
          name="gravity"
          label="事项类别"
          extra="一般事项 7 日内办结；重大事项 1 个月内办结，或由责任单位报送措施时附计划办结日期。"
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ordinary', label: '一般事项' },
              { value: 'major', label: '重大事项' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="督办事由"
          rules={[{ required: true, whitespace: true, message: '请填写督办事由' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="requirement" label="督办要求（选填）">
          <Input.TextArea rows={2} maxLength={1000} placeholder="如：9月15日前完成科教小区片区屋面改造" />
        </Form.Item>
        {failure && <div className="ant-form-item-explain-error">{failure}</div>}
      </Form>
    </Modal>
  );
}
