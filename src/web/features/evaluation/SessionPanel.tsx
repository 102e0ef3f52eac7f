import { Alert, Button, Card, Descriptions, Input, Popconfirm, Space, Statistic, Tag, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { CheckInModal } from './CheckInModal';
import {
  type ProjectResult,
  type RollItem,
  type SessionDetail,
  useEvaluationActions,
  useRoll,
  useSessionDetail,
} from './evaluation.api';
import { VerdictTag } from './VerdictTag';

const STATE_COLORS = { draft: 'default', open: 'processing', closed: 'success' } as const;

/** "姓名 代表团" per line (space, tab or comma between), as pasted from a list. */
function parsePasted(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', ...rest] = line.split(/[\s,，\t]+/);
      return { name, delegation: rest.join(' ') };
    });
}

export function SessionPanel({ id }: { id: string }) {
  const can = useCan();
  const detail = useSessionDetail(id);
  const roll = useRoll(id);
  const actions = useEvaluationActions();
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [issued, setIssued] = useState<{ name: string; delegation: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const session = detail.data;
  if (detail.error) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  if (!session) return <Card loading />;
  const manage = can('plan.manage');
  return (
    <Space direction="vertical" size="middle" className="evaluation-session">
      <Card title={session.title} extra={<Tag color={STATE_COLORS[session.state]}>{session.stateLabel}</Tag>}>
        <div className="evaluation-stats">
          <Statistic title="测评项目" value={session.projects.length} suffix="个" />
          <Statistic title="应到" value={session.counts.roll} suffix="人" />
          <Statistic title="签到" value={session.counts.present} suffix="人" />
          <Statistic title="收回测评票" value={session.counts.returned} suffix="张" />
        </div>
        <p className="evaluation-rule">评定规则：{session.ruleText}</p>
        {problem && <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(null)} />}
        {session.state === 'draft' && manage && (
          <Space direction="vertical" className="evaluation-roll-input">
            <Upload
              accept=".xlsx,.csv,.tsv"
              showUploadList={false}
              beforeUpload={(file) => {
                void run(() => actions.importRoll(id, file));
                return false;
              }}
            >
              <Button>导入代表名单（.xlsx / .csv，含“姓名”“代表团”列）</Button>
            </Upload>
            <Input.TextArea
              aria-label="粘贴代表名单"
              placeholder={'或粘贴名单，每行“姓名 代表团”，如：\n王建军 龙港镇代表团'}
              rows={4}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
            />
            <Space wrap>
              <Button
                disabled={!pasted.trim()}
                loading={busy}
                onClick={() => run(() => actions.setRoll(id, parsePasted(pasted)))}
              >
                保存名单
              </Button>
              <Button
                type="primary"
                disabled={session.counts.roll === 0}
                loading={busy}
                onClick={() => run(() => actions.open(id))}
              >
                开始签到测评
              </Button>
            </Space>
          </Space>
        )}
        {session.state === 'open' && manage && (
          <Popconfirm
            title="结束测评并计票？"
            description="计票后不再接受测评票。"
            okText="结束并计票"
            cancelText="取消"
            onConfirm={() => run(() => actions.close(id))}
          >
            <Button type="primary" danger loading={busy}>
              结束测评并计票
            </Button>
          </Popconfirm>
        )}
      </Card>

      {session.result && <ResultTable session={session} />}

      <Card title="代表名单与签到" size="small">
        <ResponsiveTable<RollItem>
          label="代表名单"
          rows={roll.data?.items}
          rowKey={(d) => d.id}
          loading={roll.isPending}
          cardTitle={(d) => `${d.seq}. ${d.name}`}
          columns={[
            { key: 'seq', title: '序号', width: 64, render: (d) => d.seq, hideOnCard: true },
            { key: 'name', title: '姓名', render: (d) => d.name, hideOnCard: true },
            { key: 'delegation', title: '代表团', render: (d) => d.delegation },
            {
              key: 'checkin',
              title: '签到',
              render: (d) => (d.checkedIn ? <Tag color="green">已签到</Tag> : <Tag>未签到</Tag>),
            },
          ]}
          actions={(d) =>
            !d.checkedIn && session.state === 'open' ? (
              <Button
                size="small"
                aria-label={`为${d.name}签到`}
                onClick={() => run(async () => setIssued(await actions.checkIn(id, d.id)))}
              >
                签到并发放凭证
              </Button>
            ) : null
          }
        />
      </Card>
      <CheckInModal issued={issued} onClose={() => setIssued(null)} />
    </Space>
  );
}

function ResultTable({ session }: { session: SessionDetail }) {
  const result = session.result!;
  return (
    <Card title="测评结果" size="small">
      {!result.valid && <Alert type="error" showIcon title={result.invalidReason} />}
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label="应到">{result.roll} 人</Descriptions.Item>
        <Descriptions.Item label="签到">{result.present} 人</Descriptions.Item>
        <Descriptions.Item label="收回">{result.returned} 张</Descriptions.Item>
      </Descriptions>
      <ResponsiveTable<ProjectResult>
        label="各项目测评结果"
        rows={result.projects}
        rowKey={(p) => p.projectId}
        cardTitle={(p) => p.name}
        columns={[
          { key: 'name', title: '项目', render: (p) => p.name, hideOnCard: true },
          { key: 's', title: '满意', render: (p) => p.counts.satisfied },
          { key: 'b', title: '基本满意', render: (p) => p.counts.basicallySatisfied },
          { key: 'd', title: '不满意', render: (p) => p.counts.dissatisfied },
          { key: 'blank', title: '未评', render: (p) => p.counts.blank },
          { key: 'verdict', title: '结论', render: (p) => <VerdictTag verdict={p.verdict} /> },
        ]}
        paginate={false}
      />
    </Card>
  );
}
