import { DesktopOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { PaperPanel } from './PaperPanel';
import { ResultPanel } from './ResultPanel';
import { RollPanel } from './RollPanel';
import { EditSessionModal } from './SessionFormModal';
import { type SessionView, useVotingActions, useVotingSession } from './voting.api';
import { STATE_COLORS } from './voting.format';
import './voting.css';

function Counts({ s }: { s: SessionView }) {
  const items = [
    { label: '应到代表', value: s.counts.roll },
    { label: '实到代表', value: s.counts.present },
    { label: '发出选票', value: s.counts.issued },
    { label: '收回选票', value: s.counts.returned },
  ];
  return (
    <section className="vote-counts" aria-label="签到和收票">
      {items.map((i) => (
        <div key={i.label} className="vote-count">
          <span className="vote-count-label">{i.label}</span>
          <span className="vote-count-value">{i.value}</span>
        </div>
      ))}
    </section>
  );
}

function Setup({ s }: { s: SessionView }) {
  return (
    <Card size="small" title={`候选项目 ${s.candidates.length} 项，应选 ${s.seats} 项`}>
      <ul className="rule-lines" aria-label="表决规则">
        {s.ruleText.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <ol className="candidate-lines">
        {s.candidates.map((c) => (
          <li key={c.id} value={c.ballotNo}>
            {c.name} {c.field && <Tag>{c.field}</Tag>}
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** One voting session from preparation to the published result. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const can = useCan();
  const session = useVotingSession(id);
  const actions = useVotingActions(id);
  const [tab, setTab] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const s = session.data;

  useEffect(() => {
    if (s) document.title = `${s.congress}${s.sitting} · 票决 · 民生实事`;
  }, [s]);

  if (session.error) return <Alert type="error" showIcon title={errorMessage(session.error)} />;
  if (!s) return <Skeleton active />;
  const manage = can('plan.manage');
  const defaultTab = s.state === 'draft' ? 'roll' : s.state === 'open' ? 'roll' : 'result';

  const act = (
    confirm: { title: string; content: string; ok: string },
    work: () => Promise<unknown>,
    done: string,
  ) =>
    modal.confirm({
      title: confirm.title,
      content: confirm.content,
      okText: confirm.ok,
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          await work();
          message.success(done);
          await actions.refresh();
          setTab(null);
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      },
    });

  const extra = (
    <Space wrap>
      {manage && s.state === 'draft' && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          修改设置
        </Button>
      )}
      {manage && s.state === 'draft' && (
        <Button
          type="primary"
          loading={busy}
          disabled={s.counts.roll === 0}
          onClick={() =>
            act(
              {
                title: '开始签到和投票？',
                content: '开始后候选项目、应选名额、规则和代表名单都不能再修改。',
                ok: '开始',
              },
              actions.open,
              '已开始签到和投票',
            )
          }
        >
          开始签到投票
        </Button>
      )}
      {manage && s.state === 'open' && (
        <Button
          type="primary"
          danger
          loading={busy}
          onClick={() =>
            act(
              {
                title: '结束投票并计票？',
                content: `已收回 ${s.counts.returned} 张选票（发出 ${s.counts.issued} 张）。结束后不再接受选票，立即计票。`,
                ok: '结束并计票',
              },
              actions.close,
              '已结束投票并完成计票',
            )
          }
        >
          结束投票并计票
        </Button>
      )}
      {s.state !== 'draft' && (
        <a href={`/portal/screen/${s.id}`} target="_blank" rel="noreferrer">
          <Button icon={<DesktopOutlined />}>会场大屏</Button>
        </a>
      )}
    </Space>
  );

  return (
    <>
      <PageHeading
        title={
          <>
            {s.congress}
            {s.sitting} <Tag color={STATE_COLORS[s.state]}>{s.stateLabel}</Tag>
          </>
        }
        description={
          <>
            {s.title}
            {' · '}
            <Link to={`/voting/${s.region}/${s.year}`}>返回票决会议列表</Link>
          </>
        }
        extra={extra}
      />
      {s.state === 'draft' && s.counts.roll === 0 && (
        <Alert className="page-alert" type="info" showIcon title="请先导入代表名单，再开始签到投票" />
      )}
      <Counts s={s} />
      <Tabs
        activeKey={tab ?? defaultTab}
        onChange={setTab}
        items={[
          { key: 'setup', label: '候选项目与规则', children: <Setup s={s} /> },
          {
            key: 'roll',
            label: s.state === 'open' ? '签到发票' : '代表名单',
            children: <RollPanel session={s} />,
          },
          ...(s.state !== 'draft'
            ? [{ key: 'paper', label: '纸质选票录入', children: <PaperPanel session={s} /> }]
            : []),
          ...(s.result ? [{ key: 'result', label: '计票结果', children: <ResultPanel session={s} /> }] : []),
        ]}
      />
      {editing && (
        <EditSessionModal
          session={s}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setTab('setup');
          }}
        />
      )}
    </>
  );
}
