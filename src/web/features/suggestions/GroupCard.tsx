import { App, Button, Card, Form, Input, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { SUGGESTION_FIELDS } from '../../../modules/suggestions/lexicon.rules';
import { VERDICT_LABELS, VERDICTS } from '../../../modules/suggestions/triage.rules';
import { errorMessage, showOnFormFields } from '../../app/api/form-errors';
import type { Board, Group, useSuggestionActions } from './suggestions.api';

const STATUS_COLORS: Record<string, string> = { proposed: 'orange', routed: 'blue', answered: 'green' };

type Actions = ReturnType<typeof useSuggestionActions>;

/** One group on the triage board: its members, routing, merging and the department's answer. */
export function GroupCard({ group, board, actions }: { group: Group; board: Board; actions: Actions }) {
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string | undefined>(group.unitId ?? undefined);
  const [field, setField] = useState<string | null>(group.field);
  const [from, setFrom] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await action();
      message.success(done);
      await actions.refresh();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const others = board.groups.filter((g) => g.id !== group.id && g.status !== 'answered');
  return (
    <Card
      size="small"
      className="suggest-group"
      data-testid="suggestion-group"
      title={
        <span className="suggest-group-title">
          <strong>{group.label}</strong>
          <Tag color={STATUS_COLORS[group.status]}>{group.statusLabel}</Tag>
          {group.field && <Tag>{group.field}</Tag>}
          <span className="muted">{group.members.length} 条</span>
        </span>
      }
      extra={group.unitName && <span className="muted">承办：{group.unitName}</span>}
    >
      <ul className="suggest-members">
        {group.members.map((m) => (
          <li key={m.id}>
            <p className="suggest-text">{m.text}</p>
            <div className="suggest-member-meta">
              <span className="suggest-code">{m.trackingCode}</span>
              <span>{m.channelLabel}</span>
              <span>{m.submittedAt.slice(0, 10)}</span>
              {(m.residentName || m.phone) && (
                <span>{[m.residentName, m.phone].filter(Boolean).join(' ')}</span>
              )}
              {m.photos.map((p, i) => (
                <a key={p} href={p} target="_blank" rel="noreferrer">
                  照片{i + 1}
                </a>
              ))}
              {board.mayManage && group.members.length > 1 && (
                <Button
                  size="small"
                  type="link"
                  disabled={busy}
                  onClick={() => run(() => actions.split(m.id), '已拆分为单独一组')}
                >
                  拆分
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {board.mayManage && (
        <div className="suggest-group-actions">
          <Space wrap>
            <Select
              aria-label={`${group.label} 承办单位`}
              placeholder="承办单位"
              value={unitId}
              onChange={setUnitId}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 180 }}
              options={board.units.map((u) => ({ value: u.id, label: u.name }))}
            />
            <Select
              aria-label={`${group.label} 领域`}
              placeholder="领域"
              value={field}
              onChange={setField}
              allowClear
              style={{ minWidth: 120 }}
              options={SUGGESTION_FIELDS.map((f) => ({ value: f, label: f }))}
            />
            <Button
              type="primary"
              disabled={!unitId || busy}
              onClick={() => run(() => actions.route(group.id, { unitId: unitId!, field }), '已转交承办单位')}
            >
              {group.status === 'proposed' ? '确认转交' : '改派'}
            </Button>
          </Space>
          {others.length > 0 && (
            <Space wrap>
              <Select
                aria-label={`并入 ${group.label} 的建议组`}
                placeholder="选择要并入本组的建议组"
                value={from}
                onChange={setFrom}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 240 }}
                options={others.map((g) => ({ value: g.id, label: `${g.label}（${g.members.length} 条）` }))}
              />
              <Button
                disabled={!from || busy}
                onClick={() =>
                  run(() => actions.merge(group.id, from!).then(() => setFrom(undefined)), '已合并')
                }
              >
                并入本组
              </Button>
            </Space>
          )}
        </div>
      )}
      {group.answer && (
        <div className={`suggest-answer verdict-${group.answer.verdict}`}>
          <strong>答复：{group.answer.verdictLabel}</strong>
          <p>{group.answer.reason}</p>
          <span className="muted">
            {group.answer.unitName} · {group.answer.answeredAt.slice(0, 10)}
            {group.answers.length > 1 && ` · 第 ${group.answer.version} 次答复`}
          </span>
        </div>
      )}
      {group.mayAnswer && <AnswerForm group={group} actions={actions} />}
    </Card>
  );
}

function AnswerForm({ group, actions }: { group: Group; actions: Actions }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  async function save(values: { verdict: (typeof VERDICTS)[number]; reason: string }) {
    setSaving(true);
    try {
      await actions.answer(group.id, values);
      message.success(`已答复，组内 ${group.members.length} 位群众凭查询码可见`);
      form.resetFields();
      await actions.refresh();
    } catch (e) {
      if (!showOnFormFields(e, form, ['verdict', 'reason'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={save} className="suggest-answer-form" requiredMark={false}>
      <Form.Item
        name="verdict"
        label={group.answer ? '更新答复' : '答复意见'}
        rules={[{ required: true, message: '请选择答复意见' }]}
      >
        <Radio.Group options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))} />
      </Form.Item>
      <Form.Item
        name="reason"
        label="理由"
        rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount aria-label="答复理由" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        提交答复
      </Button>
    </Form>
  );
}
