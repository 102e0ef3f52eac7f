import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import type { ReportingTodo, ReportingTodoItem } from './reporting-todo.api';
import './progress.css';

/** "7月", or "2023年12月" when it is not this year's month. */
const monthOf = (asOf: string, today: string) =>
  `${asOf.slice(0, 4) === today.slice(0, 4) ? '' : `${asOf.slice(0, 4)}年`}${Number(asOf.slice(5, 7))}月`;
const dayOf = (due: string, today: string) => `${monthOf(due, today)}${Number(due.slice(8, 10))}日`;

/** One thing owed, worded as a clerk says it, with where to do it. */
function Todo({ item, todo, today }: { item: ReportingTodoItem; todo: ReportingTodo; today: string }) {
  const form = `/progress/projects/${item.projectId}/report`;
  // A share is filed for the sub-region, not the plan's own region: the form opens on it.
  const fresh = (asOf: string) =>
    `${form}?${new URLSearchParams({ asOf, ...(item.role === 'share' ? { region: item.regionCode } : {}) })}`;
  switch (todo.kind) {
    case 'returned':
      return (
        <Link to={`${form}/${todo.reportId}`} className="reporting-todo-step">
          <Tag color="red">被退回</Tag>
          {monthOf(todo.asOf, today)}进度{todo.reason ? `：${todo.reason}` : ''}，请修改后重报
        </Link>
      );
    case 'overdue':
      return (
        <Link to={fresh(todo.asOf)} className="reporting-todo-step">
          <Tag color="red">已逾期</Tag>
          {monthOf(todo.asOf, today)}进度应于{dayOf(todo.due, today)}前报送，已逾期 {todo.daysLate} 天
          {todo.missing > 1 ? `（共 ${todo.missing} 个月未报）` : ''}
        </Link>
      );
    case 'draft':
      return (
        <Link to={`${form}/${todo.reportId}`} className="reporting-todo-step">
          <Tag color="gold">草稿</Tag>
          {monthOf(todo.asOf, today)}进度已保存未提交
        </Link>
      );
    case 'due':
      return (
        <Link to={fresh(todo.asOf)} className="reporting-todo-step">
          <Tag color="blue">待填报</Tag>
          {monthOf(todo.asOf, today)}进度请于{dayOf(todo.due, today)}前报送
          {todo.daysLeft === 0 ? '（今天截止）' : `（还有 ${todo.daysLeft} 天）`}
        </Link>
      );
  }
}

/** "2023年 · 住建局（牵头）"; for a share, "山西省2023年 · 沁水县承担部分". */
function owner(item: ReportingTodoItem): string {
  if (item.role === 'share') return `${item.planRegionName}${item.year}年 · ${item.unitName}承担部分`;
  return `${item.year}年 · ${item.unitName}${item.role === 'lead' ? '（牵头）' : '（配合）'}`;
}

/**
 * 填报待办 on the workbench: for a department's clerk, each project and what its monthly reports
 * owe today; for a sub-region's coordinator, its shares of higher plans; for an approver, how many
 * reports wait for a decision.
 */
export function ReportingTodoCard({
  items,
  today,
  awaitingApproval,
}: {
  items: ReportingTodoItem[];
  today: string;
  awaitingApproval: number;
}) {
  return (
    <Card size="small" title="填报待办" className="reporting-todo">
      {awaitingApproval > 0 && (
        <p className="reporting-todo-approvals">
          <Link to="/approvals">待我审核的进度报告 {awaitingApproval} 份</Link>
        </p>
      )}
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item key={`${item.projectId}-${item.regionCode}`}>
              <div className="reporting-todo-item">
                <div>
                  <Link to={`/progress/projects/${item.projectId}`}>{item.name}</Link>
                  <span className="reporting-todo-unit">{owner(item)}</span>
                </div>
                {item.todos.map((todo) => (
                  <Todo key={`${todo.kind}-${todo.asOf}`} item={item} todo={todo} today={today} />
                ))}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
