import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SUGGESTION_FIELDS } from '../../../modules/suggestions/lexicon.rules';
import { SUGGESTION_MAX_LENGTH } from '../../../modules/suggestions/suggestion-sheet.rules';
import { placeLabel } from './answers-choice';
import {
  chineseDay,
  fetchSolicitations,
  PortalApiError,
  type Receipt,
  type Solicitation,
  sendSuggestion,
} from './api';
import './suggestions.css';

const PHOTO_MAX = 5 * 1024 * 1024;
const keyOf = (s: Solicitation) => `${s.regionCode}/${s.year}`;

/**
 * 我要提建议: a resident picks the region holding an open solicitation, writes the suggestion (with a
 * character counter), may leave a name, phone and photo, and keeps the tracking code shown after.
 * `?region=` preselects a region; `?project=` is accepted for QR posters and not used yet.
 */
export function SuggestPage() {
  const [params] = useSearchParams();
  const [open, setOpen] = useState<Solicitation[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [photoName, setPhotoName] = useState<string | null>(null);
  const count = useMemo(() => [...text].length, [text]);

  useEffect(() => {
    fetchSolicitations()
      .then(({ items }) => {
        setOpen(items);
        const wanted = items.find((s) => s.regionCode === params.get('region')) ?? items[0];
        if (wanted) setChoice(keyOf(wanted));
      })
      .catch((e) => setLoadError(e instanceof PortalApiError ? e.message : '网络异常，请稍后刷新'));
  }, [params]);

  const current = open?.find((s) => keyOf(s) === choice);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const problems: Record<string, string> = {};
    if (!current) problems.region = '请选择地区';
    if (!text.trim()) problems.text = '请填写建议内容';
    if (count > SUGGESTION_MAX_LENGTH) problems.text = `建议内容不能超过 ${SUGGESTION_MAX_LENGTH} 字`;
    const photo = form.get('photo');
    if (photo instanceof File && photo.size === 0) form.delete('photo');
    if (photo instanceof File && photo.size > PHOTO_MAX) problems.photo = '照片不能超过 5 MB';
    setErrors(problems);
    if (Object.keys(problems).length || !current) return;
    form.set('region', current.regionCode);
    form.set('year', String(current.year));
    form.set('text', text);
    setSending(true);
    try {
      setReceipt(await sendSuggestion(form));
      window.scrollTo(0, 0);
    } catch (e) {
      const error = e instanceof PortalApiError ? e.error : { message: '提交失败，请稍后再试' };
      setErrors({ [('field' in error && error.field) || 'form']: error.message });
    } finally {
      setSending(false);
    }
  }

  if (receipt)
    return (
      <Thanks
        receipt={receipt}
        onAgain={() => {
          setReceipt(null);
          setText('');
          setPhotoName(null);
        }}
      />
    );

  return (
    <main className="portal suggest">
      <header className="portal-header">
        <h1>我要提建议</h1>
        <p>您希望政府明年为群众办哪些实事？</p>
      </header>
      {loadError && <p className="suggest-error suggest-box">{loadError}</p>}
      {open && open.length === 0 && (
        <p className="suggest-box">
          目前没有正在公开征集的地区。感谢您的关注，征集开始后欢迎再来提出建议。
          <br />
          <Link to="/portal/track">查询已提建议的答复</Link>
        </p>
      )}
      {open && open.length > 0 && (
        <form className="suggest-form" onSubmit={onSubmit} noValidate>
          <label>
            <span>地区</span>
            <select name="_region" value={choice} onChange={(e) => setChoice(e.target.value)}>
              {open.map((s) => (
                <option key={keyOf(s)} value={keyOf(s)}>
                  {placeLabel(s, open)} · {s.year}年民生实事
                </option>
              ))}
            </select>
            {errors.region && <em className="suggest-error">{errors.region}</em>}
          </label>
          {current && (
            <p className="suggest-notice">
              征集时间 {chineseDay(current.opensOn)} 至 {chineseDay(current.closesOn)}
              {current.notice && <span>{current.notice}</span>}
            </p>
          )}
          <label>
            <span>领域（可不选）</span>
            <select name="field" defaultValue="">
              <option value="">不确定</option>
              {SUGGESTION_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>建议内容</span>
            <textarea
              name="text"
              rows={7}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="请写明地点、问题和您的建议，例如：某某村到县城没有公交车，建议开通公交线路。"
              aria-invalid={Boolean(errors.text)}
            />
            <small className={count > SUGGESTION_MAX_LENGTH ? 'suggest-count over' : 'suggest-count'}>
              {count} / {SUGGESTION_MAX_LENGTH} 字
            </small>
            {errors.text && <em className="suggest-error">{errors.text}</em>}
          </label>
          <div className="suggest-pair">
            <label>
              <span>姓名（可不填）</span>
              <input name="name" maxLength={40} autoComplete="name" />
              {errors.name && <em className="suggest-error">{errors.name}</em>}
            </label>
            <label>
              <span>电话（可不填）</span>
              <input name="phone" type="tel" inputMode="tel" maxLength={30} autoComplete="tel" />
              {errors.phone && <em className="suggest-error">{errors.phone}</em>}
            </label>
          </div>
          <p className="suggest-hint">电话仅供工作人员联系您，不会公开。</p>
          <label className="suggest-photo">
            <span>照片（可不传，JPEG/PNG/WebP，不超过 5 MB）</span>
            {/* The browser's own file button speaks the browser's language; this one speaks Chinese. */}
            <input
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="suggest-photo-input"
              onChange={(e) => setPhotoName(e.target.files?.[0]?.name ?? null)}
            />
            <span className="suggest-photo-pick">
              <span className="suggest-photo-button">{photoName ? '换一张' : '拍照或选择照片'}</span>
              <span className="suggest-photo-name">{photoName ?? '未选择照片'}</span>
            </span>
            {errors.photo && <em className="suggest-error">{errors.photo}</em>}
          </label>
          {errors.form && <p className="suggest-error">{errors.form}</p>}
          {Object.keys(errors).some(
            (k) => !['region', 'text', 'name', 'phone', 'photo', 'form'].includes(k),
          ) && <p className="suggest-error">{Object.values(errors)[0]}</p>}
          <button type="submit" className="suggest-submit" disabled={sending}>
            {sending ? '正在提交…' : '提交建议'}
          </button>
        </form>
      )}
      <p className="portal-back">
        <Link to="/portal/track">已提交过？查询办理情况</Link> · <Link to="/portal">返回首页</Link>
      </p>
    </main>
  );
}

function Thanks({ receipt, onAgain }: { receipt: Receipt; onAgain: () => void }) {
  return (
    <main className="portal suggest">
      <header className="portal-header">
        <h1>提交成功</h1>
        <p>
          感谢您对{receipt.regionName}
          {receipt.year}年民生实事的建议
        </p>
      </header>
      <section className="suggest-receipt" aria-live="polite">
        <p>您的查询码</p>
        <strong data-testid="tracking-code">{receipt.trackingCode}</strong>
        <p className="suggest-advice">
          请截图或抄下查询码妥善保存。凭查询码可随时查看建议的办理情况和部门答复。
        </p>
        <Link className="suggest-submit" to={`/portal/track/${receipt.trackingCode}`}>
          查看办理情况
        </Link>
        <button type="button" className="suggest-link" onClick={onAgain}>
          再提一条建议
        </button>
      </section>
    </main>
  );
}
