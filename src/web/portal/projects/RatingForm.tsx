import { type FormEvent, useState } from 'react';
import { MARKS, type Mark, PortalError, portalFetch } from './portal-api';

/**
 * 码上评: a rating, an optional comment, and a phone number (or a one-time code handed out on
 * paper) so that each person rates a project once. The server words every refusal.
 */
export function RatingForm({ projectId, onRated }: { projectId: string; onRated: () => void }) {
  const [rating, setRating] = useState<Mark | null>(null);
  const [comment, setComment] = useState('');
  const [useCode, setUseCode] = useState(false);
  const [who, setWho] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field?: string; message: string } | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!rating) {
      setProblem({ field: 'rating', message: '请选择满意、基本满意或不满意' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await portalFetch<{ message: string }>(`/api/public/projects/${projectId}/survey`, {
        method: 'POST',
        body: JSON.stringify({ rating, comment, ...(useCode ? { code: who } : { phone: who }) }),
      });
      setThanks(answer.message);
      onRated();
    } catch (e) {
      setProblem(
        e instanceof PortalError
          ? { field: e.field, message: e.message }
          : { message: '提交失败，请稍后再试' },
      );
    } finally {
      setBusy(false);
    }
  }

  if (thanks)
    return (
      <p className="rating-thanks" role="status">
        {thanks}
      </p>
    );
  return (
    <form className="rating-form" onSubmit={submit} noValidate>
      <fieldset className="rating-choices">
        <legend>您对这个项目满意吗？</legend>
        {MARKS.map((m) => (
          <label key={m} className={rating === m ? 'chosen' : undefined}>
            <input
              type="radio"
              name="rating"
              value={m}
              checked={rating === m}
              onChange={() => setRating(m)}
            />
            {m}
          </label>
        ))}
      </fieldset>
      <label className="rating-field">
        意见建议（选填，500 字以内）
        <textarea value={comment} maxLength={500} rows={3} onChange={(e) => setComment(e.target.value)} />
      </label>
      <label className="rating-field">
        {useCode ? '测评码' : '手机号（仅用于防止重复评价，不公开）'}
        <input
          type={useCode ? 'text' : 'tel'}
          inputMode={useCode ? 'text' : 'numeric'}
          autoComplete={useCode ? 'off' : 'tel'}
          value={who}
          aria-invalid={problem?.field === 'phone' || problem?.field === 'code'}
          onChange={(e) => setWho(e.target.value)}
        />
      </label>
      <button type="button" className="rating-switch" onClick={() => setUseCode(!useCode)}>
        {useCode ? '改用手机号' : '没有手机号？使用测评码'}
      </button>
      {problem && (
        <p className="rating-problem" role="alert">
          {problem.message}
        </p>
      )}
      <button type="submit" className="project-button" disabled={busy}>
        {busy ? '正在提交…' : '提交评价'}
      </button>
    </form>
  );
}
