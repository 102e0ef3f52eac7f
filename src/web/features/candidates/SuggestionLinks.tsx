import { App, Checkbox, Empty, Input, Modal, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import { type CandidateItem, useCandidateActions, useSuggestionGroups } from './candidates.api';

const STATUS: Record<string, { color: string; label: string }> = {
  proposed: { color: 'default', label: '待确认' },
  routed: { color: 'blue', label: '已转交' },
  answered: { color: 'green', label: '已答复' },
};

/** 来源建议 as a line: each linked group with how many residents asked. */
export function LinkedGroups({ c }: { c: CandidateItem }) {
  if (c.suggestionGroups.length === 0) return <span className="muted">未关联群众建议</span>;
  return (
    <span className="linked-groups">
      {c.suggestionGroups.map((g) => (
        <Tag key={g.id} className="linked-group">
          {g.label}（{g.suggestions} 条建议）
        </Tag>
      ))}
    </span>
  );
}

/**
 * 关联群众建议: the coordinator or the drafting department picks the suggestion groups a candidate
 * answers (溯源). Saving replaces the candidate's links; the funnel of the suggestions page follows.
 */
export function SuggestionLinksModal({
  region,
  year,
  candidate,
  onClose,
}: {
  region: string;
  year: number;
  candidate: CandidateItem;
  onClose: () => void;
}) {
  const groups = useSuggestionGroups(region, year, true);
  const actions = useCandidateActions(region, year);
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>(candidate.suggestionGroups.map((g) => g.id));
  const [filter, setFilter] = useState('');
  const [saving, setSaving] = useState(false);
  const items = groups.data?.items ?? [];
  const shown = useMemo(
    () =>
      items.filter(
        (g) => !filter.trim() || g.label.includes(filter.trim()) || (g.field ?? '').includes(filter.trim()),
      ),
    [items, filter],
  );
  const asked = items.filter((g) => chosen.includes(g.id)).reduce((n, g) => n + g.suggestions, 0);

  const save = async () => {
    setSaving(true);
    try {
      await actions.update(candidate.id, { suggestionGroupIds: chosen });
      // Refreshes the candidates and the suggestions pages' funnel and board.
      await actions.refresh();
      message.success(`已更新“${candidate.name}”的来源建议`);
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`关联群众建议：${candidate.name}`}
      okText="保存关联"
      cancelText="取消"
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      width={640}
    >
      <p className="muted">
        选择该候选项目回应的建议组（分类梳理后的群众建议）。已选 {chosen.length} 组，共 {asked} 条建议。
      </p>
      <Input.Search
        allowClear
        placeholder="按建议组名称或领域筛选"
        aria-label="筛选建议组"
        onChange={(e) => setFilter(e.target.value)}
        className="links-filter"
      />
      {groups.error && <p className="muted">{errorMessage(groups.error)}</p>}
      {groups.data && items.length === 0 ? (
        <Empty description="本年度还没有梳理出的建议组" />
      ) : (
        // Each box on its own (not a Checkbox.Group), so groups hidden by the filter stay chosen.
        <fieldset className="links-list" aria-label="建议组">
          {shown.map((g) => (
            <Checkbox
              key={g.id}
              checked={chosen.includes(g.id)}
              onChange={(e) =>
                setChosen((now) => (e.target.checked ? [...now, g.id] : now.filter((id) => id !== g.id)))
              }
              className="links-item"
            >
              <span className="links-label">{g.label}</span>
              <span className="muted">
                {g.suggestions} 条建议{g.field ? ` · ${g.field}` : ''}
              </span>{' '}
              {STATUS[g.status] && <Tag color={STATUS[g.status]!.color}>{STATUS[g.status]!.label}</Tag>}
            </Checkbox>
          ))}
        </fieldset>
      )}
    </Modal>
  );
}
