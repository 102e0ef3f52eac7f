import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, errorText, PortalError } from './portal-api';
import './voting.css';

interface VoteReceipt {
  session: { id: string; title: string; congress: string; sitting: string };
  receiptHash: string;
  status: 'received' | 'counted' | 'vote_invalid';
  message: string;
  choices: { candidateId: string; name: string; choice: string }[] | null;
}

interface EvaluationReceipt {
  session: { id: string; title: string };
  status: 'received' | 'counted' | 'void';
  message: string;
}

type Kind = 'vote' | 'evaluation';
type Answer = { kind: 'vote'; receipt: VoteReceipt } | { kind: 'evaluation'; receipt: EvaluationReceipt };

const KINDS: Record<Kind, { label: string; url: string; notFound: string }> = {
  vote: { label: '票决选票', url: '/api/public/receipts', notFound: 'RECEIPT_NOT_FOUND' },
  evaluation: {
    label: '满意度测评票',
    url: '/api/public/evaluation-receipts',
    notFound: 'EVALUATION_RECEIPT_NOT_FOUND',
  },
};

const TONES: Record<string, string> = { 赞成: 'yes', 反对: 'no', 弃权: 'abstain' };

async function lookUp(kind: Kind, code: string): Promise<Answer> {
  const receipt = await call<VoteReceipt & EvaluationReceipt>(KINDS[kind].url, {
    method: 'POST',
    body: { receipt: code },
  });
  return { kind, receipt } as Answer;
}

/**
 * 回执查验: a deputy types the receipt code of a ballot — the vote's or the satisfaction
 * evaluation's, both printed in the same form — and sees that it is on record and counted. The kind
 * chosen is asked first; a code the other kind knows is found there too, so a deputy need not know.
 */
export function ReceiptPage() {
  const [params] = useSearchParams();
  const [kind, setKind] = useState<Kind>(params.get('kind') === 'evaluation' ? 'evaluation' : 'vote');
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
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
    const other: Kind = kind === 'vote' ? 'evaluation' : 'vote';
    try {
      setAnswer(await lookUp(kind, code));
    } catch (first) {
      if (!(first instanceof PortalError) || first.code !== KINDS[kind].notFound) {
        setError(errorText(first));
      } else {
        try {
          const found = await lookUp(other, code);
          setKind(other);
          setAnswer(found);
        } catch (second) {
          // Not a receipt of either kind: the words of the kind the deputy chose.
          setError(
            second instanceof PortalError && second.code === KINDS[other].notFound
              ? first.message
              : errorText(second),
          );
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="portal vote-page">
      <header className="vote-header">
        <h1>回执查验</h1>
        <p>凭投票或测评后显示的回执码，核实您的选票、测评票已被计入</p>
      </header>
      <form className="vote-card" onSubmit={submit}>
        <fieldset className="receipt-kinds">
          <legend className="vote-label">回执种类</legend>
          {(Object.keys(KINDS) as Kind[]).map((k) => (
            <label key={k} className={kind === k ? 'chosen' : undefined}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {KINDS[k].label}
            </label>
          ))}
        </fieldset>
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
      {answer?.kind === 'vote' && <VoteAnswer answer={answer.receipt} />}
      {answer?.kind === 'evaluation' && <EvaluationAnswer answer={answer.receipt} />}
    </main>
  );
}

function VoteAnswer({ answer }: { answer: VoteReceipt }) {
  return (
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
              <strong className={`vote-choice vote-choice-${TONES[c.choice] ?? 'yes'}`}>{c.choice}</strong>
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
  );
}

/** An evaluation ballot shows no choices: ratings are counted per project, not published per ballot. */
function EvaluationAnswer({ answer }: { answer: EvaluationReceipt }) {
  return (
    <section className="vote-card" aria-label="查验结果">
      <h2 className={`vote-h2 ${answer.status === 'void' ? 'vote-error' : 'vote-ok'}`}>{answer.message}</h2>
      <p className="vote-muted">满意度测评 · {answer.session.title}</p>
      {answer.status === 'received' ? (
        <p className="vote-muted">计票后可在这里查看公布的测评结果。</p>
      ) : (
        <Link className="vote-button" to={`/portal/evaluation-results/${answer.session.id}`}>
          查看公布的测评结果
        </Link>
      )}
    </section>
  );
}
