import { PrinterOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Tag, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { SlipSheet, TokenModal } from './TokenQr';
import { type BallotForm, type RollDeputy, type SessionView, useRoll, useVotingActions } from './voting.api';
import { FORM_LABELS, shortDateTime } from './voting.format';

interface Problem {
  row: number;
  column: number | null;
  message: string;
}

function problemsOf(error: unknown): Problem[] {
  if (error instanceof ApiError && Array.isArray(error.details)) return error.details as Problem[];
  return [];
}

/** 导入代表名单: a sheet with 姓名 and 代表团; all or nothing, every problem by row. */
function RollImport({ session }: { session: SessionView }) {
  const { message } = App.useApp();
  const actions = useVotingActions(session.id);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems = problemsOf(error);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await actions.importRoll(file);
      message.success(`已导入代表名单：${answer.deputies} 名代表，${answer.delegations.length} 个代表团`);
      await actions.refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="roll-import">
      <Upload
        accept=".xlsx,.csv,.tsv"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          导入代表名单（.xlsx / .csv）
        </Button>
      </Upload>
      <span className="muted">表头须有“姓名”“代表团”两列；重新导入将整体替换名单。</span>
      {error !== null && (
        <Alert
          className="page-alert"
          type="error"
          showIcon
          title={errorMessage(error)}
          description={
            problems.length > 1 && (
              <ul className="problem-list" aria-label="名单问题">
                {problems.map((p) => (
                  <li key={`${p.row}-${p.column}-${p.message}`}>{p.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
    </div>
  );
}

/** 打印二维码票条 before the session, at most one per deputy on the roll. */
function SlipPrinter({ session }: { session: SessionView }) {
  const { message } = App.useApp();
  const actions = useVotingActions(session.id);
  const left = session.counts.roll - session.counts.slipsIssued;
  const [count, setCount] = useState<number | null>(null);
  const [tokens, setTokens] = useState<string[] | null>(null);
  const print = async () => {
    try {
      const answer = await actions.slips(count ?? left);
      setTokens(answer.tokens);
      await actions.refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space wrap>
      <InputNumber
        aria-label="票条张数"
        min={1}
        max={Math.max(1, left)}
        precision={0}
        placeholder={String(left)}
        value={count}
        onChange={(v) => setCount(v)}
      />
      <Button icon={<PrinterOutlined />} disabled={left <= 0} onClick={print}>
        生成票条
      </Button>
      <span className="muted">已生成 {session.counts.slipsIssued} 张</span>
      {tokens && (
        <SlipSheet
          title={`${session.congress}${session.sitting}`}
          tokens={tokens}
          onClose={() => setTokens(null)}
        />
      )}
    </Space>
  );
}

/**
 * 代表名单 and, while the session is open, the check-in desk: find a deputy by name, check them in,
 * hand the ballot (an electronic one shows its QR code once).
 */
export function RollPanel({ session }: { session: SessionView }) {
  const { message } = App.useApp();
  const can = useCan();
  const roll = useRoll(session.id);
  const actions = useVotingActions(session.id);
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<BallotForm>('electronic');
  const [busy, setBusy] = useState<string | null>(null);
  const [shown, setShown] = useState<{ name: string; delegation: string; token: string } | null>(null);
  const desk = session.state === 'open' && (can('record.write') || can('plan.manage'));
  const rows = useMemo(() => {
    const q = query.trim();
    const items = roll.data?.items ?? [];
    return q ? items.filter((d) => d.name.includes(q) || d.delegation.includes(q)) : items;
  }, [roll.data, query]);

  const checkIn = async (d: RollDeputy) => {
    setBusy(d.id);
    try {
      const answer = await actions.checkIn(d.id, form);
      if (answer.token) setShown({ name: answer.name, delegation: answer.delegation, token: answer.token });
      else message.success(`${answer.delegation} ${answer.name} 已签到，请发给${answer.formLabel}`);
      await actions.refresh();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<RollDeputy>[] = [
    { key: 'seq', title: '序号', width: 64, hideOnCard: true, render: (d) => d.seq },
    { key: 'name', title: '姓名', hideOnCard: true, render: (d) => d.name },
    { key: 'delegation', title: '代表团', render: (d) => d.delegation },
    {
      key: 'checked',
      title: '签到',
      render: (d) =>
        d.checkedIn ? (
          <Tag color="green">
            已签到 · {FORM_LABELS[d.form!]} · {shortDateTime(d.checkedInAt)}
          </Tag>
        ) : (
          <Tag>未签到</Tag>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={`代表名单（${session.counts.roll} 人，已签到 ${session.counts.present} 人）`}
      extra={session.state === 'open' && can('plan.manage') && <SlipPrinter session={session} />}
    >
      {session.state === 'draft' && can('plan.manage') && <RollImport session={session} />}
      {roll.error && <Alert type="error" showIcon title={errorMessage(roll.error)} />}
      <div className="desk-toolbar">
        <Input
          aria-label="查找代表"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="输入姓名或代表团查找"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {desk && (
          <Select<BallotForm>
            aria-label="领取方式"
            value={form}
            onChange={setForm}
            options={(Object.keys(FORM_LABELS) as BallotForm[]).map((f) => ({
              value: f,
              label: FORM_LABELS[f],
            }))}
          />
        )}
      </div>
      <ResponsiveTable<RollDeputy>
        label="代表名单"
        rows={rows}
        loading={roll.isPending}
        rowKey={(d) => d.id}
        columns={columns}
        emptyText={session.counts.roll === 0 ? '尚未导入代表名单' : '没有找到该代表'}
        cardTitle={(d) => `${d.seq}. ${d.name}`}
        actions={
          desk
            ? (d) =>
                d.checkedIn ? null : (
                  <Button
                    type="primary"
                    size="small"
                    loading={busy === d.id}
                    onClick={() => checkIn(d)}
                    aria-label={`${d.name} 签到`}
                  >
                    签到发票
                  </Button>
                )
            : undefined
        }
      />
      {shown && <TokenModal {...shown} onClose={() => setShown(null)} />}
    </Card>
  );
}
