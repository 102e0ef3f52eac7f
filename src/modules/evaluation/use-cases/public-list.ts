import { type AppDeps, todayInChina } from '../../../server/deps';
import { planProjects } from '../evaluation.repository';
import { countedSessions, openSurveyWindows } from '../published.repository';

/** The portal's list shows this many counted sessions; older ones stay reachable by their links. */
const SESSIONS_SHOWN = 50;

/**
 * 满意度测评公开: the deputies' evaluation sessions whose results are out (counted, latest first)
 * and the public surveys open today, each with the projects a resident can rate. Only what the
 * results page and the project pages already show: titles, regions, years, states.
 */
export async function publicEvaluations(deps: AppDeps) {
  const today = todayInChina(deps);
  const [sessions, windows] = [
    await countedSessions(deps.db, SESSIONS_SHOWN),
    await openSurveyWindows(deps.db, today),
  ];
  const surveys = [];
  for (const w of windows) {
    const projects = await planProjects(deps.db, w.planYearId);
    if (projects.length === 0) continue;
    surveys.push({
      regionCode: w.regionCode,
      regionName: w.regionName,
      year: w.year,
      title: `${w.year}年民生实事项目群众满意度评价`,
      state: 'open' as const,
      stateLabel: '正在评价',
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      projects: projects.map((p) => ({ id: p.id, name: p.name, url: `/p/${p.id}` })),
    });
  }
  return {
    today,
    sessions: sessions.map((s) => ({
      id: s.id,
      regionCode: s.regionCode,
      regionName: s.regionName,
      year: s.year,
      title: s.title,
      state: s.valid ? ('published' as const) : ('void' as const),
      stateLabel: s.valid ? '结果已公布' : '测评无效',
      closedAt: s.closedAt,
      projects: s.projects,
      url: `/portal/evaluation-results/${s.id}`,
    })),
    surveys,
  };
}
