import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { call, errorText } from './portal-api';
import './voting.css';

interface ReceiptAnswer {
  session: { id: string; title: string; congress: string; sitting: string };
  receiptHash: string;
  status: 'received' | 'counted' | 'vote_invalid';
  message: string;
  choices: { candidateId: string; name: string; choice: string }[] | null;
}

const TONES: Record<string, string> = { 赞成: 'yes', 反对: 'no', 弃权: 'abstain' };

/** 回执查验: a deputy types the receipt code and sees that their ballot is in the count. */
export function ReceiptPage() {
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<ReceiptAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = '回执查验 · 民生实事';
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(
        await call<ReceiptAnswer>('/api/public/receipts', { method: 'POST', body: { receipt: code } }),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="portal vote-page">
      <header className="vote-header">
        <h1>回执查验</h1>
        <p>凭投票后显示的回执码，核实您的选票已被计入</p>
      </header>
      <form className="vote-card" onSubmit={submit}>
        <label htmlFor="receipt-code" className="vote-label">
          回执码
        </label>
        <input
          id="receipt-code"
          className="vote-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="XXXX-XXXX-XXXX-XXXX"
        />
        <button type="submit" className="vote-button vote-primary" disabled={!code.trim() || busy}>
          {busy ? '正在查验…' : '查验'}
        </button>
      </form>
      {error && (
        <p className="vote-card vote-error" role="alert">
          {error}
        </p>
      )}
      {answer && (
        <section className="vote-card" aria-label="查验结果">
          <h2 className={`vote-h2 ${answer.status === 'vote_invalid' ? 'vote-error' : 'vote-ok'}`}>
            {answer.message}
          </h2>
          <p className="vote-muted">
            {answer.session.congress}
            {answer.session.sitting} · {answer.session.title}
          </p>
          {answer.choices ? (
            <ol className="vote-summary" aria-label="您的选票">
              {answer.choices.map((c) => (
                <li key={c.candidateId}>
                  <span className="vote-summary-name">{c.name}</span>
                  <strong className={`vote-choice vote-choice-${TONES[c.choice] ?? 'yes'}`}>
                    {c.choice}
                  </strong>
                </li>
              ))}
            </ol>
          ) : (
            <p className="vote-muted">结果公布后，这里显示您选票的内容。</p>
          )}
          <p className="vote-muted vote-hash">
            选票公开编号（回执码哈希）：<code>{answer.receiptHash.slice(0, 16)}</code>
          </p>
          {answer.choices && (
            <Link className="vote-button" to={`/portal/results/${answer.session.id}`}>
              查看公布的结果和全部选票
            </Link>
          )}
        </section>
      )}
    </main>
  );
}
