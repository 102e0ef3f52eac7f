import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { noRegionNamed, PlanYearSearchField, usePlanYearSearch } from '../plan-year-search';
import { chooseAnswersYear, planYearKey as keyOf, placeLabel } from './answers-choice';
import { chineseDateOf, fetchAnswers, fetchAnswerYears, PortalApiError, type PublishedAnswers } from './api';
import './suggestions.css';

const problem = (e: unknown) => (e instanceof PortalApiError ? e.message : '网络异常，请稍后刷新');

/** A phone shows this many answers at first; the rest on request, so a long year stays quick. */
const PAGE = 30;

/**
 * 建议答复公开: what the departments answered to each group of residents' suggestions — the group's
 * subject, how many residents asked, the verdict and its reason. Never a name, a phone or a
 * resident's own words: a resident reads their own with the tracking code.
 * `?region=&year=` opens a plan year (the track page links here so); older links by the region's
 * name still open when the name is not shared (answers-choice.ts).
 */
export function AnswersPage() {
  const [params, setParams] = useSearchParams();
  const { years, named, setNamed, many, error: listError } = usePlanYearSearch(fetchAnswerYears, problem);
  const [answers, setAnswers] = useState<PublishedAnswers | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const { key: choice, replaceWith, sameName } = chooseAnswersYear(years, params);
  const wanted = Boolean(params.get('region') && params.get('year'));

  // An older link by name: once found, the address names the region by its code.
  const renamed = replaceWith && `${replaceWith.region}/${replaceWith.year}`;
  useEffect(() => {
    if (!renamed) return;
    const [region, year] = renamed.split('/');
    setParams({ region: region!, year: year! }, { replace: true });
  }, [renamed, setParams]);

  useEffect(() => {
    document.title = '建议答复 · 民生实事';
  }, []);

  useEffect(() => {
    setAnswers(null);
    setShown(PAGE);
    if (!choice) return;
    const [region, year] = choice.split('/');
    fetchAnswers(region!, Number(year))
      .then(setAnswers)
      .catch((e) => setError(problem(e)));
  }, [choice]);

  const options = [...(years ?? [])];
  if (answers && !options.some((y) => keyOf(y) === choice))
    options.unshift({
      regionCode: answers.region,
      regionName: answers.regionName,
      parentName: null,
      year: answers.year,
      title: null,
      groups: answers.items.length,
    });
  const chosen = options.find((y) => keyOf(y) === choice);

  return (
    <main className="portal suggest">
      <header className="portal-header">
        <h1>建议答复</h1>
        <p>各部门对群众建议的答复意见，按建议分组公开</p>
      </header>
      {many && (
        <PlanYearSearchField
          className="answers-choice"
          labelClassName="answers-choice-label"
          value={named}
          onChange={setNamed}
        />
      )}
      {options.length > 0 && (
        <label className="answers-choice">
          <span className="answers-choice-label">地区和年度</span>
          <select
            value={choice ?? ''}
            onChange={(e) => {
              const [region, year] = e.target.value.split('/');
              setParams({ region: region!, year: year! });
            }}
          >
            {!choice && <option value="">请选择地区和年度</option>}
            {options.map((y) => (
              <option key={keyOf(y)} value={keyOf(y)}>
                {placeLabel(y, options)} {y.year}年（{y.groups} 组已答复）
              </option>
            ))}
          </select>
        </label>
      )}
      {sameName && (
        <p className="suggest-box">
          有 {sameName.length} 个地区名为“{sameName[0]!.regionName}”，请在上方选择您所在的地区。
        </p>
      )}
      {(error ?? listError) && <p className="suggest-error suggest-box">{error ?? listError}</p>}
      {years && years.length === 0 && !wanted && (
        <p className="suggest-box">{named.trim() ? noRegionNamed(named) : '目前还没有公开的答复。'}</p>
      )}
      {choice && !answers && !error && <p className="portal-loading">正在加载…</p>}
      {answers && (
        <section aria-label="已答复的建议">
          <p className="answers-summary">
            {chosen ? placeLabel(chosen, options) : answers.regionName}
            {answers.year}年民生实事：{answers.items.length} 组建议已答复，涉及{' '}
            {answers.items.reduce((n, i) => n + i.suggestions, 0)} 条群众建议
          </p>
          <ol className="answers-list">
            {answers.items.slice(0, shown).map((item) => (
              <li
                key={`${item.label}|${item.answer.answeredAt}`}
                className={`track-answer verdict-${item.answer.verdict}`}
              >
                <h2>
                  {item.label}
                  <span className="answers-verdict">{item.answer.verdictLabel}</span>
                </h2>
                <p className="track-reason">{item.answer.reason}</p>
                <p className="track-meta">
                  {item.suggestions} 条建议{item.field && ` · ${item.field}`}
                  {item.answer.unitName && ` · ${item.answer.unitName}`} ·{' '}
                  {chineseDateOf(item.answer.answeredAt)}
                </p>
              </li>
            ))}
          </ol>
          {answers.items.length > shown && (
            <button type="button" className="answers-more" onClick={() => setShown((n) => n + PAGE)}>
              显示更多（还有 {answers.items.length - shown} 组）
            </button>
          )}
          {answers.items.length === 0 && <p className="suggest-box">该年度还没有公开的答复。</p>}
        </section>
      )}
      <p className="portal-back">
        <Link to="/portal/track">凭查询码查看我的建议</Link> · <Link to="/portal">返回首页</Link>
      </p>
    </main>
  );
}
