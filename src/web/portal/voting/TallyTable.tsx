import type { PublicResult } from './portal-api';

/** Per candidate 赞成/反对/弃权 (or points), passed and the outcome. */
export function TallyTable({ result, big }: { result: PublicResult; big?: boolean }) {
  // The big screen's answer names no method: an approval count is one with 赞成 figures.
  const approval = result.candidates.some((c) => c.yes !== undefined);
  const elected = new Set(result.elected.map((e) => e.candidateId));
  return (
    <div className="tally-scroll">
      <table className={`tally${big ? ' tally-big' : ''}`} aria-label="计票结果">
        <thead>
          <tr>
            <th>序号</th>
            <th>候选项目</th>
            {approval ? (
              <>
                <th>赞成</th>
                <th>反对</th>
                <th>弃权</th>
              </>
            ) : (
              <>
                <th>得分</th>
                <th>列入排序</th>
              </>
            )}
            <th>结果</th>
          </tr>
        </thead>
        <tbody>
          {result.candidates.map((c) => (
            <tr key={c.candidateId} className={elected.has(c.candidateId) ? 'is-elected' : undefined}>
              <td>{c.ballotNo}</td>
              <td className="tally-name">{c.name}</td>
              {approval ? (
                <>
                  <td>{c.yes}</td>
                  <td>{c.no}</td>
                  <td>{c.abstain}</td>
                </>
              ) : (
                <>
                  <td>{c.points}</td>
                  <td>{c.ranked}</td>
                </>
              )}
              <td>{c.outcomeLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
