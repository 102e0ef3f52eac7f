import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { type Ballot, BallotForm, type Marks, type Ranks, summaryOf, yesBeyondLimit } from './BallotForm';
import { call, errorText, PortalError } from './portal-api';
import './voting.css';

interface Receipt {
  receipt: string;
  repeated: boolean;
  /** Why the ballot, taken, counts as void; null for a valid ballot. */
  voidReason: string | null;
  message: string;
  session: { id: string; title: string };
}

type Step =
  | { kind: 'enter' }
  | { kind: 'loading' }
  | { kind: 'refused'; message: string; code: string }
  | { kind: 'ballot'; ballot: Ballot }
  | { kind: 'confirm'; ballot: Ballot; error?: string }
  | { kind: 'done'; receipt: Receipt };

/** Kept for this tab only, so a reload does not lose the ballot; dropped once the ballot is cast. */
const KEY = 'minsheng.ballot-token';

const ADVICE: Record<string, string> = {
  BALLOT_TOKEN_INVALID: '请核对凭证码，或请签到处工作人员协助。',
  BALLOT_ALREADY_CAST: '每张选票只能投一次。如需核实，请凭回执码查验。',
  BALLOT_SESSION_CLOSED: '本次票决已经结束计票。',
  BALLOT_NOT_OPEN: '请等待会议宣布开始投票后再扫码。',
};

function EnterCode({ onCode, initial }: { onCode: (code: string) => void; initial?: string }) {
  const [code, setCode] = useState(initial ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) onCode(code.trim());
  };
  return (
    <form className="vote-card" onSubmit={submit}>
      <label htmlFor="ballot-code" className="vote-label">
        选票凭证码
      </label>
      <p className="vote-muted">请扫描签到时领取的二维码；无法扫码时，输入二维码下方的 32 位凭证码。</p>
      <input
        id="ballot-code"
        className="vote-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
      />
      <button type="submit" className="vote-button vote-primary" disabled={!code.trim()}>
        打开选票
      </button>
    </form>
  );
}

function Confirm(props: {
  ballot: Ballot & { marks: Marks; ranks: Ranks };
  error?: string;
  busy: boolean;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const lines = summaryOf(props.ballot);
  const beyond = yesBeyondLimit(props.ballot, props.ballot.marks);
  return (
    <section className="vote-card" aria-label="确认选票">
      <h2 className="vote-h2">请确认您的选择</h2>
      <p className="vote-muted">提交后不能修改。未选择的项目按弃权计。</p>
      {beyond > 0 && (
        <p className="vote-warn vote-void-warn" role="alert">
          {`您赞成了 ${props.ballot.maxYes! + beyond} 项，超过每票最多 ${props.ballot.maxYes} 项。`}
          {
            '按本次规则，提交后本票为无效票：计入收回票数，但所有选择都不计入项目得票。如需有效，请点“返回修改”。'
          }
        </p>
      )}
      <ol className="vote-summary">
        {lines.map((l) => (
          <li key={l.id}>
            <span className="vote-summary-name">{l.name}</span>
            <strong className={`vote-choice vote-choice-${l.tone}`}>{l.choice}</strong>
          </li>
        ))}
      </ol>
      {props.error && (
        <p className="vote-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="vote-actions">
        <button type="button" className="vote-button" onClick={props.onBack} disabled={props.busy}>
          返回修改
        </button>
        <button
          type="button"
          className="vote-button vote-primary"
          onClick={props.onSubmit}
          disabled={props.busy}
        >
          {props.busy
            ? '正在提交…'
            : props.error
              ? '重新提交'
              : beyond > 0
                ? '仍然投出（无效票）'
                : '确认投票'}
        </button>
      </div>
    </section>
  );
}

/**
 * 电子选票 on the deputy's phone: open with the token from the QR code (or typed), mark every
 * candidate, confirm, submit once, keep the receipt code. A retried submission (the answer was lost)
 * sends the same choices and gets the first receipt back.
 */
export function VotePage() {
  const params = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // The QR code carries the token after '#', which the browser never sends to the server (so no
  // access log can pair it with a check-in); /portal/vote/TOKEN works too, for a typed address.
  const given =
    params.token ?? (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null);
  const [token, setToken] = useState<string | null>(() => given ?? sessionStorage.getItem(KEY));
  const [step, setStep] = useState<Step>({ kind: token ? 'loading' : 'enter' });
  const [marks, setMarks] = useState<Marks>({});
  const [ranks, setRanks] = useState<Ranks>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = '代表投票 · 民生实事';
    // The token leaves the address bar (and the browser history) as soon as it is read.
    if (given) {
      sessionStorage.setItem(KEY, given);
      setToken(given);
      navigate('/portal/vote', { replace: true });
    }
  }, [given, navigate]);

  useEffect(() => {
    if (!token) return;
    let live = true;
    setStep({ kind: 'loading' });
    call<Ballot>('/api/ballot', { headers: { 'x-ballot-token': token } })
      .then((ballot) => live && setStep({ kind: 'ballot', ballot }))
      .catch((e) => {
        if (!live) return;
        if (e instanceof PortalError && e.code !== 'NETWORK' && e.status < 500)
          sessionStorage.removeItem(KEY);
        setStep({ kind: 'refused', message: errorText(e), code: e instanceof PortalError ? e.code : '' });
      });
    return () => {
      live = false;
    };
  }, [token]);

  const submit = async (ballot: Ballot) => {
    if (!token) return;
    setBusy(true);
    try {
      const body =
        ballot.method === 'ranking'
          ? { token, ranks }
          : {
              token,
              marks: Object.fromEntries(ballot.candidates.map((c) => [c.id, marks[c.id] ?? 'abstain'])),
            };
      const receipt = await call<Receipt>('/api/ballot', { method: 'POST', body });
      sessionStorage.removeItem(KEY);
      setStep({ kind: 'done', receipt });
    } catch (e) {
      const retry = e instanceof PortalError && (e.code === 'NETWORK' || e.status >= 500);
      setStep({
        kind: 'confirm',
        ballot,
        error: retry ? `${errorText(e)}。您的选择仍在本页，请点“重新提交”，不会重复计票。` : errorText(e),
      });
    } finally {
      setBusy(false);
    }
  };

  const title = step.kind === 'ballot' || step.kind === 'confirm' ? step.ballot.session : null;
  return (
    <main className="portal vote-page">
      <header className="vote-header">
        <h1>{title ? `${title.congress}${title.sitting}` : '人大代表票决'}</h1>
        <p>{title ? title.title : '民生实事项目 · 无记名投票'}</p>
      </header>
      {step.kind === 'enter' && <EnterCode onCode={(c) => setToken(c)} />}
      {step.kind === 'loading' && <p className="portal-loading">正在打开选票…</p>}
      {step.kind === 'refused' && (
        <section className="vote-card vote-refused" role="alert">
          <h2 className="vote-h2">{step.message}</h2>
          <p>{ADVICE[step.code] ?? '请稍后重试，或请会场工作人员协助。'}</p>
          <div className="vote-actions">
            <button
              type="button"
              className="vote-button"
              onClick={() => {
                setToken(null);
                setStep({ kind: 'enter' });
              }}
            >
              输入其他凭证码
            </button>
            <Link className="vote-button" to="/portal/receipt">
              凭回执码查验
            </Link>
          </div>
        </section>
      )}
      {step.kind === 'ballot' && (
        <BallotForm
          ballot={step.ballot}
          marks={marks}
          ranks={ranks}
          onMarks={setMarks}
          onRanks={setRanks}
          onNext={() => setStep({ kind: 'confirm', ballot: step.ballot })}
        />
      )}
      {step.kind === 'confirm' && (
        <Confirm
          ballot={{ ...step.ballot, marks, ranks }}
          error={step.error}
          busy={busy}
          onBack={() => setStep({ kind: 'ballot', ballot: step.ballot })}
          onSubmit={() => submit(step.ballot)}
        />
      )}
      {step.kind === 'done' && (
        <section className="vote-card vote-done" aria-label="投票回执">
          <h2 className="vote-h2">{step.receipt.repeated ? '这张选票此前已经投出' : '投票成功'}</h2>
          <p className={step.receipt.voidReason ? 'vote-warn' : undefined}>{step.receipt.message}</p>
          <p className="vote-label">您的回执码</p>
          <output className="vote-receipt" aria-label="回执码">
            {step.receipt.receipt}
          </output>
          <p className="vote-warn">
            回执码只显示这一次，请抄写或截图保存。凭回执码可以核实您的选票已被计入，但任何人都无法从回执码得知您是谁。
          </p>
          <Link className="vote-button" to="/portal/receipt">
            去查验回执
          </Link>
        </section>
      )}
    </main>
  );
}
