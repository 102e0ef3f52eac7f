import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { MARKS, type Mark, PortalError, portalFetch } from '../projects/portal-api';
import '../projects/projects.css';
import './evaluation.css';

interface Ballot {
  session: { id: string; title: string };
  ruleText: string;
  projects: Array<{ id: string; seq: number; name: string; field: string | null }>;
}

interface Receipt {
  receipt: string;
  repeated: boolean;
  message: string;
}

/**
 * 满意度测评票: a deputy opens it from the QR code shown at check-in, rates every project and sends
 * it once. The token is the only credential; a lost answer is sent again with the same ratings and
 * the server answers the first receipt.
 */
export function EvaluateBallotPage() {
  const { token: fromPath } = useParams();
  // The QR code puts the token after '#', which the browser never sends, so no server or proxy log
  // holds it; /portal/evaluate/:token works too. Either way it is dropped from the address bar (and
  // the history) once read, and kept in memory only.
  const [token] = useState(() => fromPath ?? decodeURIComponent(window.location.hash.slice(1)));
  useEffect(() => {
    window.history.replaceState(null, '', '/portal/evaluate');
  }, []);
  const [ballot, setBallot] = useState<Ballot | null>(null);
  const [ratings, setRatings] = useState<Record<string, Mark>>({});
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  useEffect(() => {
    portalFetch<Ballot>('/api/evaluation-ballot', { headers: { 'x-ballot-token': token } })
      .then(setBallot)
      .catch((e: unknown) => setError(e instanceof PortalError ? e.message : '加载失败，请稍后再试'));
  }, [token]);

  async function submit() {
    if (!ballot) return;
    setBusy(true);
    setProblem(null);
    try {
      setReceipt(
        await portalFetch<Receipt>('/api/evaluation-ballot', {
          method: 'POST',
          body: JSON.stringify({ token, ratings }),
        }),
      );
    } catch (e) {
      setProblem(e instanceof PortalError ? e.message : '提交失败，请重试（重复提交不会多计票）');
    } finally {
      setBusy(false);
    }
  }

  if (error) {
    return (
      <main className="portal">
        <p className="rating-problem evaluate-error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!ballot) return <p className="portal-loading">正在加载测评票…</p>;
  if (receipt) {
    return (
      <main className="portal">
        <header className="portal-header">
          <h1 className="project-name">{ballot.session.title}</h1>
        </header>
        <section className="project-card evaluate-done" role="status">
          <h2>测评票已提交</h2>
          <p>{receipt.message}</p>
          <p className="evaluate-receipt">{receipt.receipt}</p>
          <Link className="project-link" to="/portal/receipt?kind=evaluation">
            凭回执码查验测评票
          </Link>
        </section>
      </main>
    );
  }
  const done = ballot.projects.filter((p) => ratings[p.id]).length;
  const all = ballot.projects.length;
  return (
    <main className="portal">
      <header className="portal-header">
        <p className="project-plan">人大代表满意度测评 · 无记名</p>
        <h1 className="project-name">{ballot.session.title}</h1>
      </header>
      <p className="evaluate-rule">{ballot.ruleText}</p>
      <ol className="evaluate-projects">
        {ballot.projects.map((p, i) => (
          <li key={p.id} className="project-card">
            <h2>
              {i + 1}. {p.name}
            </h2>
            <fieldset className="rating-choices">
              <legend className="visually-hidden">{p.name}</legend>
              {MARKS.map((m) => (
                <label key={m} className={ratings[p.id] === m ? 'chosen' : undefined}>
                  <input
                    type="radio"
                    name={p.id}
                    value={m}
                    checked={ratings[p.id] === m}
                    onChange={() => setRatings((r) => ({ ...r, [p.id]: m }))}
                  />
                  {m}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="evaluate-submit">
        {problem && (
          <p className="rating-problem" role="alert">
            {problem}
          </p>
        )}
        <p>
          已评价 {done} / {all} 个项目
        </p>
        <button type="button" className="project-button" disabled={busy || done < all} onClick={submit}>
          {busy ? '正在提交…' : done < all ? `还有 ${all - done} 个项目未评价` : '提交测评票'}
        </button>
      </div>
    </main>
  );
}
