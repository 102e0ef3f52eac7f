/** The ballot as GET /api/ballot returns it. */
export interface Ballot {
  session: { id: string; congress: string; sitting: string; title: string };
  seats: number;
  method: 'approval' | 'ranking';
  maxYes: number | null;
  /** A ballot with more 赞成 than maxYes: 'void' is taken and counted void; 'refuse' is not taken. */
  overfull: 'void' | 'refuse' | null;
  maxRanked: number | null;
  ruleText: string[];
  /** In ballot order; ballotNo is the number printed on the ballot (1..N). */
  candidates: { id: string; ballotNo: number; name: string; field: string | null; annualTask: string }[];
}

export type Mark = 'yes' | 'no' | 'abstain';
export type Marks = Record<string, Mark>;
export type Ranks = Record<string, number>;

const MARKS: { value: Mark; label: string }[] = [
  { value: 'yes', label: '赞成' },
  { value: 'no', label: '反对' },
  { value: 'abstain', label: '弃权' },
];

/** How many 赞成 the ballot carries beyond the limit (0 when within it, or for ranking ballots). */
export function yesBeyondLimit(ballot: Ballot, marks: Marks): number {
  if (ballot.method === 'ranking' || ballot.maxYes === null) return 0;
  const yes = Object.values(marks).filter((m) => m === 'yes').length;
  return Math.max(0, yes - ballot.maxYes);
}

/** Every candidate with the deputy's choice in words, as the confirmation lists them. */
export function summaryOf(b: Ballot & { marks: Marks; ranks: Ranks }) {
  if (b.method === 'ranking') {
    return [...b.candidates]
      .sort((x, y) => (b.ranks[x.id] ?? 1e9) - (b.ranks[y.id] ?? 1e9) || x.ballotNo - y.ballotNo)
      .map((c) => ({
        id: c.id,
        name: `${c.ballotNo}. ${c.name}`,
        choice: b.ranks[c.id] ? `第 ${b.ranks[c.id]} 名` : '未排序',
        tone: b.ranks[c.id] ? 'yes' : 'abstain',
      }));
  }
  return b.candidates.map((c) => {
    const mark = b.marks[c.id] ?? 'abstain';
    return {
      id: c.id,
      name: `${c.ballotNo}. ${c.name}`,
      choice: MARKS.find((m) => m.value === mark)!.label,
      tone: mark,
    };
  });
}

function RankSelect(props: {
  id: string;
  name: string;
  max: number;
  ranks: Ranks;
  onRanks: (r: Ranks) => void;
}) {
  const value = props.ranks[props.id];
  return (
    <select
      className="vote-rank"
      aria-label={`${props.name} 的名次`}
      value={value ?? ''}
      onChange={(e) => {
        const next = { ...props.ranks };
        const rank = Number(e.target.value);
        // A place is held by one candidate: giving it to this one frees it elsewhere.
        for (const [k, v] of Object.entries(next)) if (v === rank) delete next[k];
        if (rank) next[props.id] = rank;
        else delete next[props.id];
        props.onRanks(next);
      }}
    >
      <option value="">不排序</option>
      {Array.from({ length: props.max }, (_, i) => i + 1).map((r) => (
        <option key={r} value={r}>
          第 {r} 名
        </option>
      ))}
    </select>
  );
}

/** Every candidate with 赞成/反对/弃权 (or a place), and a live count of 赞成 against the seats. */
export function BallotForm(props: {
  ballot: Ballot;
  marks: Marks;
  ranks: Ranks;
  onMarks: (m: Marks) => void;
  onRanks: (r: Ranks) => void;
  onNext: () => void;
}) {
  const { ballot, marks, ranks } = props;
  const ranking = ballot.method === 'ranking';
  const yes = Object.values(marks).filter((m) => m === 'yes').length;
  const over = yesBeyondLimit(ballot, marks) > 0;
  // Under the default rule an over-full ballot may still be cast, and counts void; otherwise not.
  const blocked = over && ballot.overfull === 'refuse';
  const ranked = Object.keys(ranks).length;
  return (
    <>
      <div className={`vote-counter${over ? ' vote-counter-over' : ''}`} role="status" aria-live="polite">
        {ranking ? (
          <span>
            已排序 <strong>{ranked}</strong> 项 · 应选 {ballot.seats} 项
          </span>
        ) : (
          <span>
            赞成 <strong>{yes}</strong> 项 / 应选 {ballot.seats} 项
            {ballot.maxYes !== null && ballot.maxYes !== ballot.seats && `（最多赞成 ${ballot.maxYes} 项）`}
          </span>
        )}
        {over && (
          <span className="vote-counter-warn">
            {blocked
              ? `赞成超过 ${ballot.maxYes} 项，本票不能提交，请减少赞成`
              : `赞成超过 ${ballot.maxYes} 项，按规则本票将为无效票；如需有效，请减少赞成`}
          </span>
        )}
      </div>
      <section className="vote-card vote-rule" aria-label="表决规则">
        <ul>
          {ballot.ruleText.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
      <ol className="vote-candidates" aria-label="候选项目">
        {ballot.candidates.map((c) => (
          <li key={c.id} className="vote-candidate">
            <h3>
              <span className="vote-seq">{c.ballotNo}</span>
              {c.name}
            </h3>
            {c.field && <span className="vote-field">{c.field}</span>}
            {c.annualTask && (
              <details className="vote-task">
                <summary>年度工作任务</summary>
                <p>{c.annualTask}</p>
              </details>
            )}
            {ranking ? (
              <RankSelect
                id={c.id}
                name={c.name}
                max={ballot.maxRanked ?? ballot.candidates.length}
                ranks={ranks}
                onRanks={props.onRanks}
              />
            ) : (
              <fieldset className="vote-marks">
                <legend className="vote-hidden">{`${c.name} 的表决`}</legend>
                {MARKS.map((m) => (
                  <label
                    key={m.value}
                    className={`vote-mark vote-mark-${m.value}${marks[c.id] === m.value ? ' is-on' : ''}`}
                  >
                    <input
                      type="radio"
                      className="vote-hidden"
                      name={`mark-${c.id}`}
                      value={m.value}
                      checked={marks[c.id] === m.value}
                      onChange={() => props.onMarks({ ...marks, [c.id]: m.value })}
                    />
                    {m.label}
                  </label>
                ))}
              </fieldset>
            )}
          </li>
        ))}
      </ol>
      <div className="vote-next">
        <button type="button" className="vote-button vote-primary" disabled={blocked} onClick={props.onNext}>
          下一步：确认选票
        </button>
      </div>
    </>
  );
}
