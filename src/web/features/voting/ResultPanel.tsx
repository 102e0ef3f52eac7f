import { FileExcelOutlined, FileWordOutlined, ProjectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/session';
import {
  type ResultCandidate,
  resultUrl,
  type SessionResult,
  type SessionView,
  useElected,
  useVotingActions,
} from './voting.api';

const OUTCOME_COLORS: Record<ResultCandidate['outcome'], string> = {
  elected: 'green',
  not_elected: 'default',
  tied: 'orange',
  no_result: 'red',
};

function Summary({ r }: { r: SessionResult }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 2, sm: 3, md: 4 }}
      items={[
        { key: 'roll', label: '应到代表', children: r.roll },
        { key: 'present', label: '实到代表', children: r.present },
        { key: 'issued', label: '发出选票', children: r.issued },
        { key: 'returned', label: '收回选票', children: r.returned },
        { key: 'valid', label: '有效票', children: r.validBallots },
        { key: 'void', label: '无效票', children: r.voidBallots },
        { key: 'seats', label: '应选名额', children: r.seats },
        { key: 'threshold', label: '通过所需票数', children: `${r.threshold} 票` },
      ]}
    />
  );
}

function TallyTable({ r }: { r: SessionResult }) {
  const approval = r.method === 'approval';
  return (
    <Table<ResultCandidate>
      aria-label="计票结果"
      size="small"
      rowKey="candidateId"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={r.candidates}
      columns={[
        { key: 'ballotNo', title: '序号', dataIndex: 'ballotNo', width: 60 },
        { key: 'name', title: '候选项目', dataIndex: 'name' },
        ...(approval
          ? [
              { key: 'yes', title: '赞成', dataIndex: 'yes' },
              { key: 'no', title: '反对', dataIndex: 'no' },
              { key: 'abstain', title: '弃权', dataIndex: 'abstain' },
            ]
          : [
              { key: 'points', title: '得分', dataIndex: 'points' },
              { key: 'ranked', title: '列入排序票数', dataIndex: 'ranked' },
            ]),
        { key: 'passed', title: '通过', render: (_, c) => (c.passed ? '是' : '否') },
        {
          key: 'outcome',
          title: '结果',
          render: (_, c) => <Tag color={OUTCOME_COLORS[c.outcome]}>{c.outcomeLabel}</Tag>,
        },
      ]}
    />
  );
}

/** 计票结果: the tally, a tie as open seats, downloads, publishing and adopting the elected. */
export function ResultPanel({ session }: { session: SessionView }) {
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const actions = useVotingActions(session.id);
  const elected = useElected(session.region, session.year, Boolean(session.result?.valid));
  const [adopted, setAdopted] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const r = session.result;
  if (!r) return <Alert type="info" showIcon title="结束投票并计票后显示结果" />;
  const manage = can('plan.manage');
  const settledTie = elected.data?.pending.every((p) => p.sessionId !== session.id);

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      size="small"
      title="计票结果"
      extra={
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={resultUrl(session.id, 'xlsx')} download>
            结果 Excel
          </Button>
          <Button icon={<FileWordOutlined />} href={resultUrl(session.id, 'docx')} download>
            决议草案 Word
          </Button>
        </Space>
      }
    >
      {!r.valid && (
        <Alert
          className="page-alert"
          type="error"
          showIcon
          title="本次表决无效"
          description={r.invalidReasons.join('；')}
        />
      )}
      <Summary r={r} />
      {r.valid && (
        <Alert
          className="page-alert"
          type={r.elected.length ? 'success' : 'info'}
          showIcon
          title={`当选项目 ${r.elected.length} 项：${r.elected.map((e) => e.name).join('、') || '无'}`}
        />
      )}
      {r.valid && r.tied.length > 0 && (
        <Alert
          className="page-alert"
          type="warning"
          showIcon
          title={`尚余 ${r.openSeats} 个名额：以下项目得票相同，需另行表决`}
          description={
            <>
              <p>{r.tied.map((t) => `${t.ballotNo}. ${t.name}`).join('、')}</p>
              {manage && !settledTie && (
                <Button
                  loading={busy === 'follow'}
                  onClick={() =>
                    run('follow', async () => {
                      const next = await actions.followUp();
                      await actions.refresh();
                      navigate(`/voting/sessions/${next.id}`);
                    })
                  }
                >
                  对得票相同的项目另行表决
                </Button>
              )}
            </>
          }
        />
      )}
      <TallyTable r={r} />
      {r.voided.length > 0 && (
        <p className="muted">无效票：{r.voided.map((v) => `${v.ballot}（${v.reason}）`).join('；')}</p>
      )}
      <div className="result-actions">
        {manage && session.state === 'closed' && (
          <Button
            type="primary"
            loading={busy === 'publish'}
            onClick={() =>
              run('publish', async () => {
                await actions.publish();
                message.success('已公布票决结果和全部选票');
                await actions.refresh();
              })
            }
          >
            公布结果
          </Button>
        )}
        {session.state === 'published' && (
          <a href={`/portal/results/${session.id}`} target="_blank" rel="noreferrer">
            查看公开结果页
          </a>
        )}
        {manage && r.valid && r.elected.length > 0 && (
          <Button
            icon={<ProjectOutlined />}
            loading={busy === 'adopt'}
            onClick={() =>
              run('adopt', async () => {
                const a = await actions.adopt(session.region, session.year);
                setAdopted(a.adopted);
                message.success(
                  a.adopted.length ? `已转为实施项目 ${a.adopted.length} 项` : '当选项目此前均已转为实施项目',
                );
              })
            }
          >
            当选项目转为实施项目
          </Button>
        )}
      </div>
      {adopted && (
        <Alert
          className="page-alert"
          type="success"
          showIcon
          title={adopted.length ? `已转为实施项目：${adopted.join('、')}` : '当选项目此前均已转为实施项目'}
          description={<Link to={`/progress/${session.region}/${session.year}`}>查看项目进度</Link>}
        />
      )}
    </Card>
  );
}
