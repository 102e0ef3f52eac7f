import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Grid,
  Skeleton,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { chineseDate, dateTime } from '../progress/format';
import { StepModal } from './StepModal';
import {
  GRADE_COLORS,
  type OrderDetail,
  type StepKind,
  useOrder,
  useSupervisionActions,
} from './supervision.api';
import { DueTag, StageTag } from './tags';

const ACTION_LABELS: Partial<Record<StepKind, string>> = {
  acknowledged: '签收部署',
  measures: '报送整改措施',
  resolution: '报告办结',
  closed: '办结评定',
  returned: '退回重办',
  reminded: '催办',
};

const STEP_COLORS: Partial<Record<StepKind, string>> = {
  issued: 'red',
  returned: 'red',
  reminded: 'orange',
  closed: 'green',
};

/** One order: what was asked, the 13710 deadlines met or missed, who did what when, and the next step. */
export function OrderDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const order = useOrder(id);
  const { step } = useSupervisionActions();
  const [taking, setTaking] = useState<StepKind | null>(null);
  const o = order.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md === false ? window.innerWidth : Math.min(680, window.innerWidth)}
      title={o ? `${o.number} · ${o.project.name}` : '督办事项'}
      extra={o && <StageTag order={o} />}
    >
      {order.error && <Alert type="error" showIcon title={errorMessage(order.error)} />}
      {order.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {o && (
        <div className="supervision-order">
          {o.actions.length > 0 && (
            <Space wrap className="supervision-actions">
              {o.actions.map((kind) => (
                <Button
                  key={kind}
                  type={kind === 'returned' || kind === 'reminded' ? 'default' : 'primary'}
                  danger={kind === 'returned'}
                  onClick={() => setTaking(kind)}
                >
                  {ACTION_LABELS[kind]}
                </Button>
              ))}
            </Space>
          )}
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label="督办项目">
              <Link to={`/progress/projects/${o.project.id}`}>
                {o.project.ref} {o.project.name}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label="督办单位">{o.unit.name}</Descriptions.Item>
            {o.inspectionId && <Descriptions.Item label="来源">人大代表视察意见</Descriptions.Item>}
            <Descriptions.Item label="事项类别">{o.gravityLabel}</Descriptions.Item>
            <Descriptions.Item label="督办事由">
              <Typography.Paragraph className="supervision-text">{o.reason}</Typography.Paragraph>
            </Descriptions.Item>
            {o.requirement && <Descriptions.Item label="督办要求">{o.requirement}</Descriptions.Item>}
            {o.stage !== 'closed' && (
              <Descriptions.Item label="当前期限">
                <DueTag order={o} />
              </Descriptions.Item>
            )}
            {(o.reminders > 0 || o.rounds > 0) && (
              <Descriptions.Item label="催办退回">
                {o.reminders > 0 && <Tag>已催办 {o.reminders} 次</Tag>}
                {o.rounds > 0 && <Tag color="red">退回重办 {o.rounds} 次</Tag>}
              </Descriptions.Item>
            )}
            {o.grade && (
              <Descriptions.Item label="办结评定">
                <Tag color={GRADE_COLORS[o.grade]}>{o.grade}</Tag> {chineseDate(o.closedOn)}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Typography.Title level={5}>“13710”时限</Typography.Title>
          <Steps
            orientation="vertical"
            size="small"
            current={o.milestones.findIndex((m) => !m.doneOn)}
            items={o.milestones.map((m) => ({
              title: m.label,
              status: m.doneOn ? (m.late ? 'error' : 'finish') : m.late ? 'error' : undefined,
              content: [
                m.dueOn && `期限 ${chineseDate(m.dueOn)}`,
                m.doneOn
                  ? `${m.key === 'review' ? '评定' : '完成'} ${chineseDate(m.doneOn)}${m.late ? '（逾期）' : ''}`
                  : m.late
                    ? '已逾期'
                    : null,
              ]
                .filter(Boolean)
                .join(' · '),
            }))}
          />

          <Typography.Title level={5}>办理过程</Typography.Title>
          <Timeline
            items={o.history.map((h) => ({
              color: STEP_COLORS[h.kind] ?? 'blue',
              content: (
                <div className="supervision-step">
                  <div>
                    <b>{h.label}</b> · {h.actorName} ·{' '}
                    <span title={dateTime(h.at)}>{chineseDate(h.takenOn)}</span>
                    {h.grade && (
                      <Tag color={GRADE_COLORS[h.grade]} className="supervision-grade">
                        {h.grade}
                      </Tag>
                    )}
                  </div>
                  {h.text && <div className="supervision-text">{h.text}</div>}
                  {h.dueOn && (
                    <div className="supervision-due">
                      {h.kind === 'returned' ? '重新办结期限' : '计划办结日期'}：{chineseDate(h.dueOn)}
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        </div>
      )}
      {o && taking && (
        <StepModal
          kind={taking}
          gravity={o.gravity}
          onClose={() => setTaking(null)}
          onTake={(input) => step.mutateAsync({ id: o.id, kind: taking, input }) as Promise<OrderDetail>}
        />
      )}
    </Drawer>
  );
}
