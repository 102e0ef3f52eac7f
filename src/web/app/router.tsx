import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound } from '../components/NotFound';
import { StagePlaceholder } from '../components/StagePlaceholder';
import type { Action } from './api/types';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { AdminLayout } from './layout/AdminLayout';
import { DASHBOARD, NAV_GROUPS } from './navigation';

/** Each page is its own chunk: a clerk never downloads the audit viewer. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const BUILT_PAGES: Record<string, ComponentType> = {
  '/': page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage'),
  '/admin/regions': page(() => import('../features/regions/RegionsPage'), 'RegionsPage'),
  '/admin/units': page(() => import('../features/units/UnitsPage'), 'UnitsPage'),
  '/admin/users': page(() => import('../features/users/UsersPage'), 'UsersPage'),
  '/admin/audit': page(() => import('../features/audit/AuditPage'), 'AuditPage'),
  '/progress': page(() => import('../features/progress/ProgressHomePage'), 'ProgressHomePage'),
  '/approvals': page(() => import('../features/progress/ApprovalsPage'), 'ApprovalsPage'),
  '/supervision': page(() => import('../features/supervision/SupervisionPage'), 'SupervisionPage'),
  '/bulletins': page(() => import('../features/reports/BulletinsPage'), 'BulletinsPage'),
  '/disclosure': page(() => import('../features/progress/DisclosurePage'), 'DisclosurePage'),
  '/evaluation': page(() => import('../features/evaluation/EvaluationPage'), 'EvaluationPage'),
  '/year-end': page(() => import('../features/reports/YearEndPage'), 'YearEndPage'),
  '/suggestions': page(() => import('../features/suggestions/SuggestionsPage'), 'SuggestionsPage'),
  '/triage': page(() => import('../features/suggestions/TriagePage'), 'TriagePage'),
  // candidates: 部门谋划, 优化比选, 会议研究
  '/candidates': page(() => import('../features/candidates/CandidatesPage'), 'CandidatesPage'),
  '/screening': page(() => import('../features/candidates/ScreeningPage'), 'ScreeningPage'),
  '/review': page(() => import('../features/candidates/ReviewPage'), 'ReviewPage'),
  '/voting': page(() => import('../features/voting/VotingHomePage'), 'VotingHomePage'),
};

/** Pages below a menu entry (a plan year, a project, a report), guarded like the entry itself. */
const SUB_PAGES: { path: string; permission: Action; Page: ComponentType }[] = [
  {
    path: '/progress/projects/:id',
    permission: 'record.read',
    Page: page(() => import('../features/progress/ProjectPage'), 'ProjectPage'),
  },
  {
    path: '/progress/projects/:id/report/:reportId?',
    permission: 'record.write',
    Page: page(() => import('../features/progress/ReportFormPage'), 'ReportFormPage'),
  },
  {
    path: '/progress/projects/:id/edit',
    permission: 'plan.manage',
    Page: page(() => import('../features/progress/ProjectFormPage'), 'ProjectFormPage'),
  },
  {
    path: '/progress/:region/:year/projects/new',
    permission: 'plan.manage',
    Page: page(() => import('../features/progress/ProjectFormPage'), 'ProjectFormPage'),
  },
  {
    path: '/progress/:region/:year',
    permission: 'record.read',
    Page: page(() => import('../features/progress/OverviewPage'), 'OverviewPage'),
  },
  {
    path: '/progress/:region/:year/rollup',
    permission: 'record.read',
    Page: page(() => import('../features/progress/RollupPage'), 'RollupPage'),
  },
  {
    path: '/approvals/:projectId/:reportId',
    permission: 'record.approve',
    Page: page(() => import('../features/progress/ReviewPage'), 'ReviewPage'),
  },
  {
    path: '/voting/:region/:year',
    permission: 'plan.read',
    Page: page(() => import('../features/voting/VotingHomePage'), 'VotingPlanYearPage'),
  },
  {
    path: '/voting/sessions/:id',
    permission: 'plan.read',
    Page: page(() => import('../features/voting/SessionPage'), 'SessionPage'),
  },
];

const subRoutes: RouteObject[] = SUB_PAGES.map(({ path, permission, Page }) => ({
  path,
  element: (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  ),
}));

const pageRoutes: RouteObject[] = [DASHBOARD, ...NAV_GROUPS.flatMap((g) => g.pages)].map((p) => {
  const Built = BUILT_PAGES[p.path];
  const body = Built ? (
    <Built key={p.path} />
  ) : (
    <StagePlaceholder key={p.path} title={p.title ?? p.label} summary={p.summary ?? ''} />
  );
  const element = (
    <RequirePermission key={p.path} permission={p.permission}>
      {body}
    </RequirePermission>
  );
  return p.path === '/' ? { index: true, element } : { path: p.path, element };
});

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AdminLayout />,
        children: [...pageRoutes, ...subRoutes, { path: '*', element: <NotFound /> }],
      },
    ],
  },
]);
