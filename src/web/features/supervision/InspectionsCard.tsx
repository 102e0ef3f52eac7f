import { Button, Card, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { showOnFormFields } from '../../app/api/form-errors';
import { chineseDate, todayIso } from '../progress/format';
import { planYearKey } from '../progress/PlanYearSelect';
import { useProjectInspections, useRecordInspection } from './supervision.api';
import './supervision.css';

/**
 * 代表视察意见 on a project's page: what deputies saw on their visits, each with the 督办 orders made
 * from it; a deputy writes a new one here, and the coordinator turns one into an order.
 */
export function InspectionsCard({
  projectId,
  planYear,
}: {
  projectId: string;
  planYear: { regionCode: string; year: number };
}) {
  const inspections = useProjectInspections(projectId);
  const record = useRecordInspection(projectId);
  const [form] = Form.useForm<{ visitedOn: string; text: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const data = inspections.data;
  if (!data || (data.items.length === 0 && !data.mayInspect)) return null;
  const plan = planYearKey(planYear);
  return (
    <section className="area-supervision">
      <Card size="small" title="代表视察意见" className="supervision-inspections">
        <List
          size="small"
          locale={{ emptyText: '还没有视察意见' }}
          dataSource={data.items}
          renderItem={(i) => (
            <List.Item
              key={i.id}
              actions={
                data.mayIssue
                  ? [
                      <Link
                        key="issue"
                        to={`/supervision?${new URLSearchParams({ plan, issue: projectId, inspection: i.id })}`}
                      >
                        转为督办
                      </Link>,
                    ]
                  : []
              }
            >
              <div>
                <Typography.Text type="secondary">
                  {i.deputyName} · {chineseDate(i.visitedOn)}视察
                </Typography.Text>
                <div className="supervision-text">{i.text}</div>
                {i.orders.map((o) => (
                  <Link key={o.id} to={`/supervision?${new URLSearchParams({ plan, order: o.id })}`}>
                    已转{o.number}{' '}
                  </Link>
                ))}
              </div>
            </List.Item>
          )}
        />
        {data.mayInspect && (
          <Form
            form={form}
            layout="vertical"
            className="supervision-inspection-form"
            initialValues={{ visitedOn: todayIso() }}
            onFinish={async (values) => {
              setFailure(null);
              try {
                await record.mutateAsync(values);
                form.resetFields(['text']);
              } catch (error) {
                if (!showOnFormFields(error, form, ['visitedOn', 'text'])) {
                  setFailure(error instanceof Error ? error.message : '提交失败，请稍后再试');
                }
              }
            }}
          >
            <Form.Item
              name="visitedOn"
              label="视察日期"
              rules={[{ required: true, message: '请填写视察日期' }]}
            >
              <Input type="date" max={todayIso()} />
            </Form.Item>
            <Form.Item
              name="text"
              label="视察意见"
              rules={[{ required: true, whitespace: true, message: '请填写视察意见' }]}
            >
              <Input.TextArea
                rows={3}
                maxLength={2000}
                placeholder="现场看到的进展和问题，群众的反映，建议"
              />
            </Form.Item>
            {failure && <div className="ant-form-item-explain-error">{failure}</div>}
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              提交视察意见
            </Button>
          </Form>
        )}
      </Card>
    </section>
  );
}
