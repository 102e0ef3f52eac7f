import { Alert, App, Button, Card, Empty, Segmented, Skeleton, Space, Switch } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { GroupCard } from './GroupCard';
import { usePlanChoice } from './PlanChoice';
import { type GroupStatus, useBoard, useSuggestionActions } from './suggestions.api';
import './suggestions.css';

const FILTERS: { value: GroupStatus | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'proposed', label: '待确认' },
  { value: 'routed', label: '待答复' },
  { value: 'answered', label: '已答复' },
];

/**
 * 分类梳理: near-duplicates grouped automatically; the coordinator accepts, merges, splits and
 * reroutes, and each department answers the groups routed to it (their own by default).
 */
export function TriagePage() {
  const { message } = App.useApp();
  const can = useCan();
  const manager = can('plan.manage');
  const { plan, select, error } = usePlanChoice();
  const [mine, setMine] = useState(!manager);
  const [status, setStatus] = useState<GroupStatus | 'all'>('all');
  const board = useBoard(plan, mine ? 'mine' : undefined);
  const actions = useSuggestionActions(plan);
  const [grouping, setGrouping] = useState(false);

  async function regroup() {
    setGrouping(true);
    try {
      const result = await actions.autoGroup();
      message.success(`已分组：共 ${result.groups} 组，新建 ${result.created} 组`);
      await actions.refresh();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setGrouping(false);
    }
  }

  const groups = (board.data?.groups ?? []).filter((g) => status === 'all' || g.status === status);
  return (
    <>
      <PageHeading
        title="分类梳理"
        description="相近的建议自动归为一组并给出领域和承办单位建议；确认转交后由承办单位答复，答复通过查询码送达组内每位群众。"
        extra={
          <Space wrap>
            {select}
            {board.data?.mayManage && (
              <Button type="primary" loading={grouping} onClick={regroup}>
                自动分组
              </Button>
            )}
          </Space>
        }
      />
      {(error || board.error) && <Alert type="error" showIcon title={errorMessage(error ?? board.error)} />}
      <Space wrap className="suggest-filters">
        <Segmented options={FILTERS} value={status} onChange={(v) => setStatus(v as GroupStatus | 'all')} />
        <span className="suggest-switch">
          <Switch id="triage-mine" checked={mine} onChange={setMine} size="small" />
          <label htmlFor="triage-mine">只看本单位承办的</label>
        </span>
        {board.data && board.data.ungrouped > 0 && (
          <span className="muted">另有 {board.data.ungrouped} 条新建议尚未分组</span>
        )}
      </Space>
      {board.isPending && plan && <Skeleton active />}
      {board.data && groups.length === 0 && (
        <Card>
          <Empty description={mine ? '没有转交给本单位的建议' : '没有符合条件的建议组'} />
        </Card>
      )}
      <div className="suggest-board">
        {board.data &&
          groups.map((g) => (
            <GroupCard key={`${g.id}-${g.updatedAt}`} group={g} board={board.data} actions={actions} />
          ))}
      </div>
    </>
  );
}
