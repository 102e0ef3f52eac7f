import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Radio, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client';
import { errorMessage } from '../../app/api/form-errors';
import { useSession } from '../../app/auth/session';
import {
  type Mismatch,
  type PaperAnswer,
  type SessionView,
  usePaperStatus,
  useVotingActions,
} from './voting.api';
import { shortDateTime } from './voting.format';

const MARKS = [
  { value: 'yes', label: '赞成' },
  { value: 'no', label: '反对' },
  { value: 'abstain', label: '弃权' },
];

/** Two clerks' entries of one paper ballot, cell by cell, where they differ. */
function MismatchView({ m, onCorrect }: { m: Mismatch; onCorrect: (paperNo: string) => void }) {
  return (
    <Card size="small" className="mismatch" title={`票号 ${m.paperNo}：两次录入不一致`}>
      <Table
        size="small"
        pagination={false}
        rowKey="candidateId"
        aria-label={`票号 ${m.paperNo} 对照`}
        dataSource={m.cells}
        columns={[
          { key: 'c', title: '候选项目', dataIndex: 'candidate' },
          {
            key: 'a',
            title: `${m.first.clerkName}录入`,
            render: (_, c) => <Tag color="blue">{c.first}</Tag>,
          },
          {
            key: 'b',
            title: `${m.second.clerkName}录入`,
            render: (_, c) => <Tag color="magenta">{c.second}</Tag>,
          },
        ]}
      />
      <p className="muted mismatch-note">
        {m.first.clerkName} {shortDateTime(m.first.enteredAt)} 录入；{m.second.clerkName}{' '}
        {shortDateTime(m.second.enteredAt)} 录入。请核对原票，由录错的一方重新录入这张选票。
      </p>
      <Button size="small" onClick={() => onCorrect(m.paperNo)}>
        核对原票后更正我的录入
      </Button>
    </Card>
  );
}

/**
 * 纸质选票双人录入: each clerk types each paper ballot; it counts once two different clerks agree.
 * A disagreement is shown side by side; a clerk checks the paper and corrects their own entry.
 */
export function PaperPanel({ session }: { session: SessionView }) {
  const { message } = App.useApp();
  const me = useSession();
  const open = session.state === 'open';
  const ranking = session.rule.method === 'ranking';
  const status = usePaperStatus(session.id, true);
  const actions = useVotingActions(session.id);
  const [paperNo, setPaperNo] = useState('');
  const [marks, setMarks] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<PaperAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const record = async (work: () => Promise<PaperAnswer>) => {
    setBusy(true);
    setProblem(null);
    try {
      const a = await work();
      setAnswer(a);
      if (a.counted.length) message.success(`票号 ${a.counted.join('、')} 两次录入一致，已计入`);
      setPaperNo('');
      setMarks({});
      await actions.refresh();
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };
  const enter = () => {
    if (!paperNo.trim()) setProblem(new Error('请填写票号'));
    else void record(() => actions.enterPaper([{ paperNo: paperNo.trim(), marks }]));
  };
  const rows =
    problem instanceof ApiError && Array.isArray(problem.details)
      ? (problem.details as { message: string }[])
      : [];

  return (
    <>
      <Card size="small" title={`纸质选票录入（录入人：${me.user.displayName}）`}>
        {!open && <Alert className="page-alert" type="info" showIcon title="投票开始后才能录入纸质选票" />}
        <p className="muted">
          每张纸质选票由两名工作人员分别录入，两次一致才计入
          {ranking
            ? '；排序票请以表格录入（第一列票号，每个候选项目一列填名次）。'
            : '；未勾选的项目视为弃权。'}
        </p>
        <div className="paper-sheet">
          <Upload
            accept=".xlsx,.csv,.tsv"
            showUploadList={false}
            disabled={!open}
            beforeUpload={(file) => {
              void record(() => actions.enterPaperSheet(file));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={!open} loading={busy}>
              以表格录入（.xlsx / .csv）
            </Button>
          </Upload>
          <span className="muted">第一列票号，每个候选项目一列，填 赞成/反对/弃权 或 ○/×/空白</span>
        </div>
        {!ranking && (
          <>
            <div className="paper-no">
              <label htmlFor="paper-no">票号</label>
              <Input
                id="paper-no"
                value={paperNo}
                onChange={(e) => setPaperNo(e.target.value)}
                disabled={!open}
                maxLength={30}
              />
            </div>
            <ol className="paper-marks">
              {session.candidates.map((c) => (
                <li key={c.id}>
                  <span className="paper-candidate">
                    {c.ballotNo}. {c.name}
                  </span>
                  <Radio.Group
                    aria-label={`${c.name} 的表决`}
                    size="small"
                    optionType="button"
                    disabled={!open}
                    options={MARKS}
                    value={marks[c.id] ?? null}
                    onChange={(e) => setMarks((m) => ({ ...m, [c.id]: e.target.value as string }))}
                  />
                </li>
              ))}
            </ol>
          </>
        )}
        {problem !== null && (
          <Alert
            className="page-alert"
            type="error"
            showIcon
            title={errorMessage(problem)}
            description={
              rows.length > 1 && (
                <ul className="problem-list" aria-label="录入表问题">
                  {rows.map((r) => (
                    <li key={r.message}>{r.message}</li>
                  ))}
                </ul>
              )
            }
          />
        )}
        {answer && answer.waiting.length > 0 && (
          <Alert
            className="page-alert"
            type="info"
            showIcon
            title={`票号 ${answer.waiting.join('、')} 已录入，等待另一名工作人员录入核对`}
          />
        )}
        {!ranking && (
          <Button type="primary" onClick={enter} loading={busy} disabled={!open}>
            录入这张选票
          </Button>
        )}
      </Card>
      <Card size="small" title="录入情况" className="paper-status">
        {status.error && <Alert type="error" showIcon title={errorMessage(status.error)} />}
        {status.data && (
          <>
            <p>
              已计入 <strong>{status.data.counted}</strong> 张；等待第二人录入 {status.data.waiting.length}{' '}
              张； 两次录入不一致 {status.data.mismatched.length} 张
            </p>
            {status.data.waiting.length > 0 && (
              <p className="muted">
                等待第二人录入：
                {status.data.waiting.map((w) => `${w.paperNo}（${w.clerkName}已录）`).join('、')}
              </p>
            )}
            {status.data.mismatched.map((m) => (
              <MismatchView key={m.paperNo} m={m} onCorrect={setPaperNo} />
            ))}
            {status.data.counted === 0 &&
              status.data.waiting.length === 0 &&
              status.data.mismatched.length === 0 && <Empty description="还没有录入纸质选票" />}
          </>
        )}
      </Card>
    </>
  );
}
