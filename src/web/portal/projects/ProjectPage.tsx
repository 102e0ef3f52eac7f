import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PortalError, portalFetch } from './portal-api';
import { RatingForm } from './RatingForm';
import './projects.css';
import { chineseDay } from '../suggestions/api';

interface PublicProject {
  id: string;
  name: string;
  field: string | null;
  task: string | null;
  region: string;
  year: number;
  planTitle: string | null;
  demo: boolean;
  units: Array<{ role: string; label: string; names: string[] }>;
  asOf: string | null;
  indicators: Array<{
    name: string;
    unit: string | null;
    kind: string;
    target: string | null;
    value: string | null;
    percent: number | null;
  }>;
  survey: {
    answers: number;
    counts: { satisfied: number; basicallySatisfied: number; dissatisfied: number };
    satisfactionRate: number | null;
  };
  surveyWindow: {
    opensOn: string | null;
    closesOn: string | null;
    state: 'upcoming' | 'open' | 'closed';
    message: string | null;
  };
  deputies: null | {
    sessionId: string;
    title: string;
    valid: boolean;
    counts: { satisfied: number; basicallySatisfied: number; dissatisfied: number; blank: number };
    raters: number;
    verdict: string | null;
  };
}

const number = (v: string | null) => (v === null ? '—' : Number(v).toLocaleString('zh-CN'));

/**
 * 码上查 · 码上评 · 码上提: the page a project's QR code opens. What was approved of its progress,
 * who is responsible (units, never people or phones), the rating form and the way to suggest.
 */
export function ProjectPage() {
  const { projectId = '' } = useParams();
  const [project, setProject] = useState<PublicProject | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    // A rating just given changes the counts shown: `reload` asks for the page again.
    portalFetch<PublicProject>(`/api/public/projects/${encodeURIComponent(projectId)}?n=${reload}`)
      .then(setProject)
      .catch((e: unknown) => setError(e instanceof PortalError ? e.message : '加载失败，请稍后再试'));
  }, [projectId, reload]);

  if (error) return <p className="portal-back">{error}</p>;
  if (!project) return <p className="portal-loading">正在加载…</p>;
  return (
    <main className="portal project-page">
      <header className="portal-header">
        <p className="project-plan">{project.planTitle ?? `${project.year}年民生实事`}</p>
        <h1 className="project-name">{project.name}</h1>
        {project.field && <span className="project-field">{project.field}</span>}
      </header>
      <nav className="project-tabs" aria-label="本页内容">
        <a href="#progress">码上查</a>
        <a href="#rate">码上评</a>
        <Link to={`/portal/suggest?project=${project.id}`}>码上提</Link>
      </nav>

      <section className="project-card" id="progress">
        <h2>项目进展</h2>
        {project.demo && <p className="project-demo">演示数据</p>}
        {project.task && <p className="project-task">{project.task}</p>}
        {project.indicators.length === 0 && <p className="project-muted">暂无指标。</p>}
        <ul className="project-indicators">
          {project.indicators.map((i) => (
            <li key={i.name}>
              <div className="indicator-line">
                <span>{i.name}</span>
                <span className="indicator-figure">
                  {number(i.value)}
                  {i.target !== null && ` / ${number(i.target)}`} {i.unit ?? ''}
                </span>
              </div>
              <div
                className="indicator-bar"
                role="progressbar"
                aria-label={i.name}
                aria-valuenow={i.percent ?? 0}
                aria-valuemin={0}
                aria-valuemax={100}
              >
                <span style={{ width: `${Math.min(100, i.percent ?? 0)}%` }} />
              </div>
              <p className="indicator-percent">{i.percent === null ? '尚未报送' : `完成 ${i.percent}%`}</p>
            </li>
          ))}
        </ul>
        <p className="project-muted">
          {project.asOf
            ? `数据截至${chineseDay(project.asOf)}，来自审核通过的进度报告`
            : '尚无审核通过的进度报告'}
        </p>
      </section>

      <section className="project-card">
        <h2>责任单位</h2>
        {project.units.length === 0 && <p className="project-muted">尚未公布责任单位。</p>}
        <dl className="project-units">
          {project.units.map((u) => (
            <div key={u.role}>
              <dt>{u.label}</dt>
              <dd>{u.names.join('、')}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="project-card" id="rate">
        <h2>满意度评价</h2>
        {project.survey.answers > 0 && (
          <p className="project-muted">
            已有 {project.survey.answers} 人评价，满意和基本满意占 {project.survey.satisfactionRate}%
          </p>
        )}
        {project.surveyWindow.message ? (
          <p className="rating-closed" role="status">
            {project.surveyWindow.message}
          </p>
        ) : (
          <>
            {project.surveyWindow.opensOn && project.surveyWindow.closesOn && (
              <p className="project-muted">
                评价期：{chineseDay(project.surveyWindow.opensOn)}至
                {chineseDay(project.surveyWindow.closesOn)}
              </p>
            )}
            <RatingForm projectId={project.id} onRated={() => setReload((n) => n + 1)} />
          </>
        )}
      </section>

      {project.deputies && (
        <section className="project-card" aria-label="人大代表满意度测评">
          <h2>人大代表测评</h2>
          <p className="project-muted">{project.deputies.title}</p>
          {project.deputies.verdict ? (
            <p className="deputies-verdict">
              测评结论：<strong>{project.deputies.verdict}</strong>
            </p>
          ) : (
            <p className="project-muted">本次测评无效，未作结论</p>
          )}
          <p className="deputies-counts">
            满意 {project.deputies.counts.satisfied} 票 · 基本满意{' '}
            {project.deputies.counts.basicallySatisfied} 票 · 不满意 {project.deputies.counts.dissatisfied} 票
          </p>
          <Link className="project-link" to={`/portal/evaluation-results/${project.deputies.sessionId}`}>
            查看全部项目的测评结果
          </Link>
        </section>
      )}

      <section className="project-card">
        <h2>意见建议</h2>
        <p className="project-muted">对这个项目或明年的民生实事有什么想法？</p>
        <Link className="project-button secondary" to={`/portal/suggest?project=${project.id}`}>
          提建议
        </Link>
      </section>
      <p className="portal-back">
        <Link
          to={`/portal/projects?${new URLSearchParams({ region: project.region, year: String(project.year) })}`}
        >
          {project.year}年全部项目
        </Link>{' '}
        · <Link to="/portal">返回首页</Link>
      </p>
      <footer className="portal-footer">民生实事 · 公众服务</footer>
    </main>
  );
}
