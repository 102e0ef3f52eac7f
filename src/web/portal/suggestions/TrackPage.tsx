import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { answersPath } from './answers-choice';
import { chineseDateOf, fetchTracked, PortalApiError, type Tracked } from './api';
import './suggestions.css';

const STEPS: Array<{ status: Tracked['status']; label: string }> = [
  { status: 'received', label: '已收到' },
  { status: 'triage', label: '分类梳理' },
  { status: 'routed', label: '部门办理' },
  { status: 'answered', label: '已答复' },
];

/** 建议查询: the resident types (or opens a link with) the tracking code and reads status and answer. */
export function TrackPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const [found, setFound] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setFound(null);
    setError(null);
    if (!code) return;
    setInput(code);
    setLoading(true);
    fetchTracked(code)
      .then(setFound)
      .catch((e) => setError(e instanceof PortalApiError ? e.message : '网络异常，请稍后再试'))
      .finally(() => setLoading(false));
  }, [code]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const compact = input.replace(/[\s-]/g, '').toUpperCase();
    if (!compact) return setError('请输入查询码');
    navigate(
      `/portal/track/${compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact}`,
    );
  }

  const reached = found ? STEPS.findIndex((s) => s.status === found.status) : -1;
  return (
    <main className="portal suggest">
      <header className="portal-header">
        <h1>建议查询</h1>
        <p>凭查询码查看您的建议办理情况和答复</p>
      </header>
      <form className="track-form" onSubmit={onSubmit}>
        <input
          aria-label="查询码"
          placeholder="如 ABCD-2345"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
        />
        <button type="submit" className="suggest-submit">
          查询
        </button>
      </form>
      {loading && <p className="portal-loading">正在查询…</p>}
      {error && <p className="suggest-error suggest-box">{error}</p>}
      {found && (
        <section className="track-result">
          <ol className="track-steps">
            {STEPS.map((s, i) => (
              <li key={s.status} className={i <= reached ? 'done' : ''}>
                {s.label}
              </li>
            ))}
          </ol>
          <p className="track-status">
            当前状态：<strong>{found.statusLabel}</strong>
            {found.unitName && <span>承办单位：{found.unitName}</span>}
          </p>
          {found.answer ? (
            <article className={`track-answer verdict-${found.answer.verdict}`}>
              <h2>
                答复意见：<span>{found.answer.verdictLabel}</span>
              </h2>
              <p className="track-reason">{found.answer.reason}</p>
              <p className="track-meta">
                {found.answer.unitName} · {chineseDateOf(found.answer.answeredAt)}
              </p>
            </article>
          ) : (
            <p className="suggest-box">部门答复后会显示在这里，请稍后再来查看。</p>
          )}
          <article className="track-text">
            <h2>您的建议</h2>
            <p>{found.text}</p>
            <p className="track-meta">
              {found.regionName} · {found.year}年民生实事 · {found.channelLabel}
              {found.submittedAt && ` · ${chineseDateOf(found.submittedAt)}提交`}
              {found.field && ` · ${found.field}`}
            </p>
          </article>
          {found.earlierAnswers.length > 0 && (
            <details className="track-earlier">
              <summary>此前的答复（{found.earlierAnswers.length}）</summary>
              {found.earlierAnswers.map((a) => (
                <p key={a.answeredAt}>
                  {chineseDateOf(a.answeredAt)} {a.verdictLabel}：{a.reason}
                </p>
              ))}
            </details>
          )}
        </section>
      )}
      <p className="portal-back">
        <Link to="/portal/suggest">我要提建议</Link> ·{' '}
        <Link to={found ? answersPath(found) : '/portal/answers'}>查看全部公开答复</Link> ·{' '}
        <Link to="/portal">返回首页</Link>
      </p>
    </main>
  );
}
