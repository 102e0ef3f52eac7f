import { type ComponentType, lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PortalHome } from './home/PortalHome';

/**
 * Every page of the residents' portal. Each feature keeps its pages in its own folder
 * (portal/<feature>/) and adds its paths here; pages load lazily so a phone fetches only the one
 * page it opens. Paths start with /portal/ or /p/ (the server sends those to portal.html).
 */
function lazyPage(load: () => Promise<Record<string, ComponentType>>, name: string) {
  const Page = lazy(async () => ({ default: (await load())[name]! }));
  return (
    <Suspense fallback={<p className="portal-loading">正在加载…</p>}>
      <Page />
    </Suspense>
  );
}

export const portalRoutes: RouteObject[] = [
  { path: '/portal', element: <PortalHome /> },
  { path: '/portal/projects', element: lazyPage(() => import('./projects/ProgressPage'), 'ProgressPage') },
  { path: '/p/:projectId', element: lazyPage(() => import('./projects/ProjectPage'), 'ProjectPage') },
  {
    path: '/portal/evaluate/:token?',
    element: lazyPage(() => import('./evaluation/EvaluateBallotPage'), 'EvaluateBallotPage'),
  },
  { path: '/portal/suggest', element: lazyPage(() => import('./suggestions/SuggestPage'), 'SuggestPage') },
  { path: '/portal/track/:code?', element: lazyPage(() => import('./suggestions/TrackPage'), 'TrackPage') },
  { path: '/portal/answers', element: lazyPage(() => import('./suggestions/AnswersPage'), 'AnswersPage') },
  {
    path: '/portal/evaluation-results/:sessionId',
    element: lazyPage(() => import('./evaluation/EvaluationResultsPage'), 'EvaluationResultsPage'),
  },
  // 票决: the deputy's ballot, the receipt check, the hall's big screen and the published result.
  { path: '/portal/vote/:token?', element: lazyPage(() => import('./voting/VotePage'), 'VotePage') },
  { path: '/portal/receipt', element: lazyPage(() => import('./voting/ReceiptPage'), 'ReceiptPage') },
  { path: '/portal/screen/:sessionId', element: lazyPage(() => import('./voting/ScreenPage'), 'ScreenPage') },
  {
    path: '/portal/results/:sessionId',
    element: lazyPage(() => import('./voting/ResultsPage'), 'ResultsPage'),
  },
  { path: '*', element: lazyPage(() => import('./home/PortalNotFound'), 'PortalNotFound') },
];
