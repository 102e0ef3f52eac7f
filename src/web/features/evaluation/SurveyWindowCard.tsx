import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { WindowState } from '../../../kernel/date-window';
import { api, send } from '../../app/api/client';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';

interface SurveyWindow {
  window: { opensOn: string; closesOn: string; days: number; state: WindowState } | null;
  mayManage: boolean;
}

const STATE: Record<WindowState, { color: string; label: string }> = {
  open: { color: 'green', label: '评价中' },
  upcoming: { color: 'blue', label: '未开始' },
  closed: { color: 'default', label: '已结束' },
};

/**
 * 满意度评价期: the days residents may rate the plan year's projects by their QR codes (at least a
 * week, both ends counted, the solicitation window's rule). Without one, residents may rate any time.
 */
export function SurveyWindowCard({ region, year }: { region: string; year: number }) {
  const { message } = App.useApp();
  const path = `/api/plan-years/${region}/${year}/survey-window`;
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['evaluation', 'survey-window', region, year],
    queryFn: () => api.get<SurveyWindow>(path),
  });
  const [form] = Form.useForm();
  const [editing, setEditing] = useState(false);
  const window = current.data?.window;
  useEffect(() => {
    form.setFieldsValue({ opensOn: window?.opensOn, closesOn: window?.closesOn });
    setEditing(false);
  }, [window, form]);

  async function save(values: { opensOn: string; closesOn: string }) {
    try {
      const saved = await send<SurveyWindow>('PUT', path, JSON.stringify(values));
      queryClient.setQueryData(['evaluation', 'survey-window', region, year], saved);
      message.success('满意度评价期已保存');
    } catch (e) {
      if (!showOnFormFields(e, form, ['opensOn', 'closesOn'])) message.error(errorMessage(e));
    }
  }

  async function clear() {
    try {
      const saved = await send<SurveyWindow>('DELETE', path);
      queryClient.setQueryData(['evaluation', 'survey-window', region, year], saved);
      message.success('已取消评价期，群众可随时评价');
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const mayManage = current.data?.mayManage ?? false;
  return (
    <Card
      size="small"
      title="群众满意度评价期"
      loading={current.isPending}
      extra={
        mayManage &&
        !editing && (
          <Space size={4}>
            <Button size="small" onClick={() => setEditing(true)}>
              {window ? '修改' : '设置评价期'}
            </Button>
            {window && (
              <Popconfirm title="取消评价期后群众可随时评价，确定？" onConfirm={clear}>
                <Button size="small" type="text">
                  取消评价期
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {current.error && <p className="survey-window-note">{errorMessage(current.error)}</p>}
      {!editing && window && (
        <p className="survey-window">
          <Tag color={STATE[window.state].color}>{STATE[window.state].label}</Tag>
          <strong>
            {window.opensOn} 至 {window.closesOn}
          </strong>{' '}
          <span className="survey-window-note">
            共 {window.days} 天；评价期外群众扫码只能查看进展，评价会被礼貌拒绝。
          </span>
        </p>
      )}
      {!editing && current.data && !window && (
        <p className="survey-window-note">未设置评价期：群众扫描项目二维码可随时评价。</p>
      )}
      {editing && (
        <Form form={form} layout="inline" onFinish={save} requiredMark={false} className="survey-window-form">
          <Form.Item name="opensOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="closesOn" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              保存评价期
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
