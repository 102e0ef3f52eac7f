import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { call, errorText, type PublicResult } from './portal-api';
import { TallyTable } from './TallyTable';
import './voting.css';

interface Published {
  session: { id: string; congress: string; sitting: string; title: string; publishedAt: string | null };
  candidates: { id: string; ballotNo: number; name: string }[];
  result: PublicResult;
  ballots: { receiptHash: string | null; paperNo: string | null; choices: Record<string, string | number> }[];
}

const SHORT: Record<string, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

/** The name tally() gives a ballot in its list of void ones (result.rules.ts). */
const ballotName = (b: Published['ballots'][number]) =>
  b.paperNo ? `票号 ${b.paperNo}` : `回执 ${(b.receiptHash ?? '').slice(0, 12)}`;

/** Recounts 赞成/反对/弃权 from the published ballots, leaving out the ones announced as void. */
function recount(data: Published) {
  const voided = new Set(data.result.voided.map((v) => v.ballot));
  const counts = new Map(data.candidates.map((c) => [c.id, { yes: 0, no: 0, abstain: 0 }]));
  for (const b of data.ballots) {
    if (voided.has(ballotName(b))) continue;
    for (const c of data.candidates) {
      const mark = (b.choices[c.id] as 'yes' | 'no' | 'abstain' | undefined) ?? 'abstain';
      const row = counts.get(c.id)!;
      if (mark in row) row[mark]++;
    }
  }
  return data.result.candidates.every((c) => {
    const mine = counts.get(c.candidateId)!;
    return mine.yes === c.yes && mine.no === c.no && mine.abstain === c.abstain;
  });
}

/** 公布的结果: the tally and every ballot (receipt hash and choices), so anyone can recount. */
export function ResultsPage() {
  const { sessionId = '' } = useParams();
  const [data, setData] = useState<Published | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call<Published>(`/api/public/voting-sessions/${encodeURIComponent(sessionId)}/results`)
      .then((d) => {
        setData(d);
        document.title = `${d.session.congress}${d.session.sitting} 票决结果`;
      })
      .catch((e) => setError(errorText(e)));
  }, [sessionId]);

  const agrees = useMemo(() => (data && data.result.method === 'approval' ? recount(data) : null), [data]);

  if (error) {
    return (
      <main className="portal vote-page">
        <header className="vote-header">
          <h1>票决结果</h1>
        </header>
        <p className="vote-card vote-error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!data) return <p className="portal-loading">正在加载…</p>;
  const r = data.result;
  return (
    <main className="portal vote-page results-page">
      <header className="vote-header">
        <h1>
          {data.session.congress}
          {data.session.sitting}
        </h1>
        <p>{data.session.title} · 票决结果公告</p>
      </header>
      <section className="vote-card" aria-label="结果摘要">
        <p>
          应到代表 {r.roll} 名，实到 {r.present} 名；发出选票 {r.issued} 张，收回 {r.returned} 张，有效{' '}
          {r.validBallots} 张，无效 {r.voidBallots} 张。应选 {r.seats} 项，
          {r.method === 'ranking' ? '列入排序' : '赞成'}至少 {r.threshold} 票为通过。
        </p>
        {r.valid ? (
          <p className="vote-ok">当选项目：{r.elected.map((e) => e.name).join('、') || '无'}</p>
        ) : (
          <p className="vote-error">本次表决无效：{r.invalidReasons.join('；')}</p>
        )}
        {r.tied.length > 0 && (
          <p>
            得票相同、另行表决的项目：{r.tied.map((t) => t.name).join('、')}（{r.openSeats} 个名额）
          </p>
        )}
      </section>
      <section className="vote-card" aria-label="计票">
        <h2 className="vote-h2">计票</h2>
        <TallyTable result={r} />
        {agrees !== null && (
          <p className={agrees ? 'vote-ok' : 'vote-error'}>
            {agrees
              ? `已在本机按下列 ${data.ballots.length} 张选票重新计票，与公布的票数一致。`
              : '按下列选票重新计票的结果与公布的票数不一致！'}
          </p>
        )}
      </section>
      <section className="vote-card" aria-label="全部选票">
        <h2 className="vote-h2">全部选票（{data.ballots.length} 张，随机顺序）</h2>
        <p className="vote-muted">
          每张选票以回执码的哈希标识，代表可用回执码核对自己的选票。选票记录哈希链共 {r.chain.count} 张，链头{' '}
          <code>{r.chain.head.slice(0, 16)}</code>。
        </p>
        <div className="tally-scroll">
          <table className="tally ballots">
            <thead>
              <tr>
                <th>选票</th>
                {data.candidates.map((c) => (
                  <th key={c.id} title={c.name}>
                    {c.ballotNo}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.ballots.map((b) => (
                <tr key={`${b.receiptHash}-${b.paperNo}`}>
                  <td>
                    <code>{b.paperNo ? `纸质 ${b.paperNo}` : (b.receiptHash ?? '').slice(0, 12)}</code>
                  </td>
                  {data.candidates.map((c) => {
                    const v = b.choices[c.id];
                    return (
                      <td key={c.id} className={`mark-${typeof v === 'string' ? v : 'rank'}`}>
                        {typeof v === 'number' ? v : (SHORT[v ?? 'abstain'] ?? v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="vote-muted">表头数字为候选项目序号。</p>
      </section>
    </main>
  );
}
