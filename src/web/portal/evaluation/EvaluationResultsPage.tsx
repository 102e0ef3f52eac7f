import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PortalError, portalFetch } from '../projects/portal-api';
import '../projects/projects.css';
import './evaluation.css';

interface PublishedEvaluation {
  id: string;
  title: string;
  year: number;
  closedAt: string | null;
  roll: number;
  present: number;
  returned: number;
  valid: boolean;
  invalidReason: string | null;
  ruleText: string;
  projects: Array<{
    projectId: string;
    seq: number;
    name: string;
    counts: { satisfied: number; basicallySatisfied: number; dissatisfied: number; blank: number };
    verdict: string;
  }>;
  chain: { count: number; head: string };
}

const TONE: Record<string, string> = { 满意: 'good', 基本满意: 'fair', 不满意: 'poor' };

/**
 * 测评结果公布: once the deputies' evaluation is counted, anyone may read how many rated each project
 * 满意, 基本满意 and 不满意 and the verdict by the rule. A deputy reaches it from the receipt check.
 */
export function EvaluationResultsPage() {
  const { sessionId = '' } = useParams();
  const [result, setResult] = useState<PublishedEvaluation | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = '满意度测评结果 · 民生实事';
    portalFetch<PublishedEvaluation>(
      `/api/public/evaluation-sessions/${encodeURIComponent(sessionId)}/results`,
    )
      .then(setResult)
      .catch((e: unknown) => setError(e instanceof PortalError ? e.message : '加载失败，请稍后再试'));
  }, [sessionId]);

  if (error)
    return (
      <main className="portal">
        <p className="rating-problem evaluate-error" role="alert">
          {error}
        </p>
        <p className="portal-back">
          <Link to="/portal">返回首页</Link>
        </p>
      </main>
    );
  if (!result) return <p className="portal-loading">正在加载…</p>;
  return (
    <main className="portal">
      <header className="portal-header">
        <p className="project-plan">人大代表满意度测评 · 结果公布</p>
        <h1 className="project-name">{result.title}</h1>
      </header>
      <section className="project-card">
        <p className="evaluation-turnout">
          应到 {result.roll} 人，实到 {result.present} 人，收回测评票 {result.returned} 张
        </p>
        {!result.valid && (
          <p className="rating-problem" role="alert">
            {result.invalidReason}
          </p>
        )}
        <p className="project-muted">{result.ruleText}</p>
      </section>
      <ol className="evaluation-results" aria-label="各项目测评结果">
        {result.projects.map((p, i) => (
          <li key={p.projectId} className="project-card">
            <h2>
              {i + 1}. <Link to={`/p/${p.projectId}`}>{p.name}</Link>
            </h2>
            <p className="evaluation-counts">
              满意 <strong>{p.counts.satisfied}</strong> · 基本满意{' '}
              <strong>{p.counts.basicallySatisfied}</strong> · 不满意 <strong>{p.counts.dissatisfied}</strong>
              {p.counts.blank > 0 && ` · 未评 ${p.counts.blank}`}
            </p>
            {result.valid && (
              <p className={`evaluation-verdict verdict-${TONE[p.verdict] ?? 'fair'}`}>
                测评结论：{p.verdict}
              </p>
            )}
          </li>
        ))}
      </ol>
      <p className="portal-back">
        测评票 {result.chain.count} 张，哈希链末端 <code>{result.chain.head.slice(0, 16)}</code> ·{' '}
        <Link to="/portal/receipt?kind=evaluation">回执查验</Link> · <Link to="/portal">返回首页</Link>
      </p>
    </main>
  );
}
