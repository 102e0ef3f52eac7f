import { Tag } from 'antd';
import { chineseDate } from '../progress/format';
import { GRADE_COLORS, type Order, STAGE_COLORS } from './supervision.api';

export function StageTag({ order }: { order: Order }) {
  return <Tag color={STAGE_COLORS[order.stage]}>{order.stageLabel}</Tag>;
}

/** The deadline the order waits on, and how far past it: red once overdue, with its escalation. */
export function DueTag({ order }: { order: Order }) {
  if (order.stage === 'closed') {
    return order.grade ? <Tag color={GRADE_COLORS[order.grade]}>评定{order.grade}</Tag> : <Tag>已办结</Tag>;
  }
  if (!order.dueOn) return <span>—</span>;
  if (order.overdueDays === 0) return <Tag>{chineseDate(order.dueOn)}前</Tag>;
  return (
    <>
      <Tag color="red">逾期 {order.overdueDays} 天</Tag>
      {order.escalation && (
        <Tag color={order.escalation.level >= 3 ? 'magenta' : 'volcano'}>{order.escalation.label}</Tag>
      )}
    </>
  );
}
