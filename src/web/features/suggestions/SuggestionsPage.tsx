import { Alert, Button, Card, Input, Progress, Select, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { CHANNEL_LABELS, type Channel } from '../../../modules/suggestions/suggestion-sheet.rules';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { EntryButton } from './EntryButton';
import { FunnelChart } from './FunnelChart';
import { usePlanChoice } from './PlanChoice';
import { type SuggestionItem, useFunnel, useSuggestionActions, useSuggestionList } from './suggestions.api';
import { WindowCard } from './WindowCard';
import './suggestions.css';

const STATUS_COLORS: Record<string, string> = {
  received: 'default',
  triage: 'processing',
  routed: 'blue',
  answered: 'green',
};

const COLUMNS: Column<SuggestionItem>[] = [
  {
    key: 'code',
    title: '查询码',
    render: (s) => (
      <span className="suggest-code">
        {s.trackingCode}
        {s.externalRef && <span className="muted"> · {s.externalRef}</span>}
      </span>
    ),
  },
  {
    key: 'text',
    title: '内容',
    hideOnCard: true,
    render: (s) => <span className="suggest-text">{s.text}</span>,
  },
  { key: 'channel', title: '渠道', render: (s) => s.channelLabel },
  { key: 'date', title: '提交日期', render: (s) => s.submittedAt.slice(0, 10) },
  {
    key: 'who',
    title: '群众',
    render: (s) => [s.residentName, s.phone].filter(Boolean).join(' ') || '—',
  },
  {
    key: 'status',
    title: '状态',
    render: (s) => (
      <span>
        <Tag color={STATUS_COLORS[s.status]}>{s.statusLabel}</Tag>
        {s.unitName && <span className="muted">{s.unitName}</span>}
      </span>
    ),
  },
];

/** 公开征集: the plan year's window, every suggestion from every channel, entry and import, the funnel. */
export function SuggestionsPage() {
  const { plan, select, error } = usePlanChoice();
  const [q, setQ] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [offset, setOffset] = useState(0);
  const list = useSuggestionList(plan, { q, channel, limit: 50, offset });
  const funnel = useFunnel(plan);
  const actions = useSuggestionActions(plan);
  const [progress, setProgress] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importNote, setImportNote] = useState<{
    type: 'success' | 'error';
    text: string;
    rows?: string[];
  } | null>(null);

  async function importFile(file: File) {
    setImportNote(null);
    setProgress(0);
    try {
      const result = await actions.upload(file, setProgress);
      setImportNote({
        type: 'success',
        text: `已导入 ${result.rows} 条：新增 ${result.added} 条，更新 ${result.updated} 条`,
      });
      await actions.refresh();
    } catch (e) {
      const details = (e as { details?: { row: number; message: string }[] }).details;
      setImportNote({
        type: 'error',
        text: errorMessage(e),
        rows: Array.isArray(details) ? details.map((d) => `第 ${d.row} 行：${d.message}`) : undefined,
      });
    } finally {
      setProgress(null);
    }
  }

  const mayManage = list.data?.mayManage ?? false;
  return (
    <>
      <PageHeading
        title="公开征集 · 群众建议"
        description="群众通过网站、微信、二维码提交的建议，以及工作人员录入的 12345 热线、来信、代表码等渠道的建议。"
        extra={
          <Space wrap>
            {select}
            {mayManage && <EntryButton onAdd={actions.add} onDone={actions.refresh} />}
            {mayManage && (
              <>
                <Button onClick={() => fileInput.current?.click()} loading={progress !== null}>
                  导入表格
                </Button>
                <input
                  ref={fileInput}
                  hidden
                  type="file"
                  accept=".xlsx,.csv,.tsv"
                  aria-label="导入建议表"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) void importFile(file);
                  }}
                />
              </>
            )}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {progress !== null && (
        <Card size="small" className="suggest-progress">
          <span>{progress < 100 ? '正在上传…' : '正在校验并导入，请稍候…'}</span>
          <Progress percent={progress < 100 ? progress : 99} status="active" aria-label="导入进度" />
        </Card>
      )}
      {importNote && (
        <Alert
          type={importNote.type}
          showIcon
          closable
          onClose={() => setImportNote(null)}
          title={importNote.text}
          description={
            importNote.rows && (
              <ul className="suggest-problems">
                {importNote.rows.slice(0, 20).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <div className="suggest-top">
        <WindowCard plan={plan} />
        <Card size="small" title="溯源漏斗" extra={plan && <Link to={`/triage?plan=${plan}`}>分类梳理</Link>}>
          {funnel.data ? <FunnelChart funnel={funnel.data} /> : <div className="suggest-funnel" />}
          {funnel.data && (
            <p className="suggest-trace">
              {funnel.data.linkedCandidates} 个候选项目关联了建议组，回应{' '}
              {funnel.data.suggestionsInCandidates} 条群众建议；当选项目回应{' '}
              {funnel.data.suggestionsInElected} 条
            </p>
          )}
        </Card>
      </div>
      <Card size="small" title={`建议 ${list.data?.total ?? ''} 条`}>
        <Space wrap className="suggest-filters">
          <Input.Search
            allowClear
            placeholder="搜索内容、查询码或编号"
            aria-label="搜索建议"
            onSearch={(v) => {
              setQ(v);
              setOffset(0);
            }}
          />
          <Select
            aria-label="渠道"
            value={channel}
            onChange={(v) => {
              setChannel(v);
              setOffset(0);
            }}
            style={{ minWidth: 140 }}
            options={[
              { value: '', label: '全部渠道' },
              ...Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
        </Space>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
        <ResponsiveTable<SuggestionItem>
          label="群众建议"
          rows={list.data?.items}
          loading={list.isFetching}
          rowKey={(s) => s.id}
          columns={COLUMNS}
          emptyText="还没有建议"
          cardTitle={(s) => <span className="suggest-text">{s.text}</span>}
        />
        {(list.data?.total ?? 0) > 50 && (
          <Space className="suggest-pager">
            <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
              上一页
            </Button>
            <span>
              {offset + 1}–{Math.min(offset + 50, list.data!.total)} / {list.data!.total}
            </span>
            <Button disabled={offset + 50 >= list.data!.total} onClick={() => setOffset(offset + 50)}>
              下一页
            </Button>
          </Space>
        )}
      </Card>
    </>
  );
}
