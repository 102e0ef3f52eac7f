import { App, Button, Card, Form, Input, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import { useSuggestionActions, useWindow } from './suggestions.api';

const STATE: Record<string, { color: string; label: string }> = {
  open: { color: 'green', label: '征集中' },
  upcoming: { color: 'blue', label: '未开始' },
  closed: { color: 'default', label: '已结束' },
};

/** 公开征集期: at least 30 days, both ends counted; residents outside it are refused politely. */
export function WindowCard({ plan }: { plan: string | undefined }) {
  const { message } = App.useApp();
  const current = useWindow(plan);
  const actions = useSuggestionActions(plan);
  const [form] = Form.useForm();
  const [editing, setEditing] = useState(false);
  const window = current.data?.window;
  useEffect(() => {
    form.setFieldsValue({
      opensOn: window?.opensOn,
      closesOn: window?.closesOn,
      notice: window?.notice ?? '',
    });
    setEditing(!window && Boolean(current.data?.mayManage));
  }, [window, current.data?.mayManage, form]);

  async function save(values: { opensOn: string; closesOn: string; notice?: string }) {
    try {
      await actions.setWindow(values);
      message.success('征集期已保存');
      setEditing(false);
      await actions.refresh();
    } catch (e) {
      if (!showOnFormFields(e, form, ['opensOn', 'closesOn', 'notice'])) message.error(errorMessage(e));
    }
  }

  return (
    <Card
      size="small"
      title="公开征集期"
      extra={
        current.data?.mayManage &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            修改
          </Button>
        )
      }
    >
      {window && !editing && (
        <div className="suggest-window">
          <Tag color={STATE[window.state]!.color}>{STATE[window.state]!.label}</Tag>
          <strong>
            {window.opensOn} 至 {window.closesOn}
          </strong>
          <span className="muted">共 {window.days} 天</span>
          {window.notice && <p>{window.notice}</p>}
        </div>
      )}
      {!window && !editing && <p className="muted">本年度尚未设置公开征集期。</p>}
      {editing && (
        <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
          <div className="suggest-window-dates">
            <Form.Item
              name="opensOn"
              label="开始日期"
              rules={[{ required: true, message: '请选择开始日期' }]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name="closesOn"
              label="截止日期"
              rules={[{ required: true, message: '请选择截止日期' }]}
            >
              <Input type="date" />
            </Form.Item>
          </div>
          <Form.Item name="notice" label="征集公告（显示在群众提交页面）">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存征集期
          </Button>
        </Form>
      )}
    </Card>
  );
}
