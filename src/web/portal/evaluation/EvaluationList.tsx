import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PortalError, portalFetch } from '../projects/portal-api';
import './evaluation-list.css';

interface PublicEvaluations {
  sessions: Array<{
    id: string;
    regionName: string;
    year: number;
    title: string;
    state: 'published' | 'void';
    stateLabel: string;
    projects: number;
    url: string;
  }>;
  surveys: Array<{
    regionCode: string;
    regionName: string;
    year: number;
    title: string;
    stateLabel: string;
    closesOn: string;
    projects: Array<{ id: string; name: string; url: string }>;
  }>;
}

const monthDay = (isoDate: string) => {
  const [, m, d] = isoDate.split('-').map(Number);
  return `${m}月${d}日`;
};

/**
 * 满意度测评 on the portal's front door: the public surveys open now (each project to rate) and the
 * deputies' evaluations whose results are out, each linking to its results page — so a resident
 * finds them without being handed a link.
 */
export function EvaluationList() {
  const [data, setData] = useState<PublicEvaluations | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    portalFetch<PublicEvaluations>('/api/public/evaluations')
      .then(setData)
      .catch((e: unknown) => setError(e instanceof PortalError ? e.message : '加载失败，请稍后再试'));
  }, []);

  return (
    <section className="portal-evaluations" aria-labelledby="portal-evaluations-title">
      <h2 id="portal-evaluations-title">满意度测评</h2>
      {error && <p className="portal-evaluations-note">{error}</p>}
      {!data && !error && <p className="portal-evaluations-note">正在加载…</p>}
      {data && data.sessions.length === 0 && data.surveys.length === 0 && (
        <p className="portal-evaluations-note">目前还没有公布的测评结果。</p>
      )}
      {data && (data.sessions.length > 0 || data.surveys.length > 0) && (
        <ul className="evaluation-items">
          {data.surveys.map((s) => (
            <li key={`${s.regionCode}/${s.year}`} className="evaluation-item">
              <span className="evaluation-state state-open">
                {s.stateLabel} · {monthDay(s.closesOn)}截止
              </span>
              <h3>{s.title}</h3>
              <p className="evaluation-meta">
                {s.regionName} · {s.year}年 · 群众评价
              </p>
              <details className="evaluation-projects">
                <summary>选择项目进行评价（{s.projects.length} 项）</summary>
                <ol>
                  {s.projects.map((p) => (
                    <li key={p.id}>
                      <Link to={p.url}>{p.name}</Link>
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
          {data.sessions.map((s) => (
            <li key={s.id} className="evaluation-item">
              <Link to={s.url} className="evaluation-link">
                <span className={`evaluation-state state-${s.state}`}>{s.stateLabel}</span>
                <h3>{s.title}</h3>
                <p className="evaluation-meta">
                  {s.regionName} · {s.year}年 · 人大代表测评 · {s.projects} 个项目
                </p>
                <span className="evaluation-more">查看测评结果 ›</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
