import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { noRegionNamed, PlanYearSearchField, usePlanYearSearch } from '../plan-year-search';
import { placeLabel, planYearKey } from '../suggestions/answers-choice';
import { chineseDay } from '../suggestions/api';
import { type PlanYearItem, PortalError, type PublicProgress, portalFetch } from './portal-api';
import './projects.css';

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;
const problem = (e: unknown) => (e instanceof PortalError ? e.message : '网络异常，请稍后刷新');
const loadPlanYears = (q: string) =>
  portalFetch<{ items: PlanYearItem[] }>(
    `/api/public/plan-years${q ? `?${new URLSearchParams({ q })}` : ''}`,
  );

/**
 * 项目进展公开: every project of a plan year with where it stands today (status, completion rate and
 * light, as the monthly bulletin has them), each opening its own page (码上查). `?region=&year=`
 * opens a plan year; without it, the newest.
 */
export function ProgressPage() {
  const [params, setParams] = useSearchParams();
  const { years, named, setNamed, many, error: listError } = usePlanYearSearch(loadPlanYears, problem);
  const [progress, setProgress] = useState<PublicProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const region = params.get('region');
  const year = params.get('year');
  const choice = region && year ? `${region}/${year}` : years?.[0] ? planYearKey(years[0]) : null;

  useEffect(() => {
    document.title = '项目进展 · 民生实事';
  }, []);

  useEffect(() => {
    setProgress(null);
    setError(null);
    if (!choice) return;
    portalFetch<PublicProgress>(`/api/public/plan-years/${choice}/projects`)
      .then(setProgress)
      .catch((e) => setError(problem(e)));
  }, [choice]);

  const options = years ?? [];
  return (
    <main className="portal progress-page">
      <header className="portal-header">
        <h1>项目进展</h1>
        <p>民生实事办得怎么样：每个项目的进度和完成情况</p>
      </header>
      {many && <PlanYearSearchField className="progress-choice" value={named} onChange={setNamed} />}
      {options.length > 0 && (
        <label className="progress-choice">
          <span>地区和年度</span>
          <select
            value={choice ?? ''}
            onChange={(e) => {
              const [r, y] = e.target.value.split('/');
              setParams({ region: r!, year: y! });
            }}
          >
            {choice && !options.some((o) => planYearKey(o) === choice) && (
              <option value={choice}>{choice}</option>
            )}
            {options.map((o) => (
              <option key={planYearKey(o)} value={planYearKey(o)}>
                {placeLabel(o, options)} {o.year}年（{o.projects} 个项目）
              </option>
            ))}
          </select>
        </label>
      )}
      {(error ?? listError) && <p className="project-card progress-error">{error ?? listError}</p>}
      {years && years.length === 0 && (
        <p className="project-card">
          {named.trim() ? noRegionNamed(named) : '目前还没有公开的民生实事项目。'}
        </p>
      )}
      {choice && !progress && !error && <p className="portal-loading">正在加载…</p>}
      {progress && (
        <section aria-label="项目进展">
          <div className="project-card progress-summary">
            <h2>{progress.title ?? `${progress.regionName}${progress.year}年民生实事`}</h2>
            {progress.demo && <p className="project-demo">演示数据</p>}
            <p>
              截至{chineseDay(progress.asOf)}（序时进度 {percent(progress.elapsed)}）：共 {progress.total}{' '}
              件，已完成 {progress.completed} 件，正在推进 {progress.inProgress} 件
              {progress.lagging > 0 && `，其中 ${progress.lagging} 件进度滞后`}。
            </p>
          </div>
          <ol className="progress-list">
            {progress.projects.map((p) => (
              <li key={p.id}>
                <Link to={`/p/${p.id}`} className={`progress-item light-${p.light}`}>
                  <span className="progress-name">{p.name}</span>
                  <span className={`progress-status status-${p.status}`}>{p.standing}</span>
                  <span
                    className="indicator-bar"
                    role="progressbar"
                    aria-label={`${p.name} 完成率`}
                    aria-valuenow={Math.round(p.completion * 100)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                  >
                    <span style={{ width: `${Math.min(100, p.completion * 100)}%` }} />
                  </span>
                  <span className="progress-meta">
                    完成率 {percent(p.completion)} · {p.lightLabel}
                    {p.field && ` · ${p.field}`}
                    {p.leadUnits.length > 0 && ` · ${p.leadUnits.join('、')}`}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      )}
      <p className="portal-back">
        <Link to="/portal/answers">建议答复</Link> · <Link to="/portal">返回首页</Link>
      </p>
    </main>
  );
}
