import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';
import { qinshui } from '../support/plans';

const [pglite] = testDatabaseKinds();

describe('progress over HTTP', () => {
  let t: TestApp;
  let coordinator: Session;
  let clerk: Session;
  let approver: Session;
  let projectId: string;

  beforeAll(async () => {
    t = await openTestApp(pglite!, { loginRateLimitPerMinute: 1000 });
    coordinator = await t.login('qinshui.coord');
    clerk = await t.login('zjj.clerk');
    approver = await t.login('zjj.approver');
  });
  afterAll(() => t?.close());

  it('imports a plan document and shows the plan year overview', async () => {
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/import',
      headers: as(coordinator),
      payload: qinshui,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ region: '140521', year: 2023, projects: 1 });
    const overview = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2023/overview?asOf=2023-08-25',
      headers: as(clerk, false),
    });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({ elapsed: 0.6493, total: 1, inProgress: 1 });
    projectId = overview.json().projects[0].id;
  });

  it('refuses a bad plan document with 422 listing every problem by path', async () => {
    const bad = {
      ...qinshui,
      year: 'x',
      projects: [
        { ...qinshui.projects[0], indicators: [{ ref: 'I1', name: 'x', kind: 'count', target: -1 }] },
      ],
    };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/import',
      headers: as(coordinator),
      payload: bad,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('PLAN_DOCUMENT_INVALID');
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['year', 'projects[0].indicators[0].target']),
    );
  });

  it('keeps a clerk from importing plans', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/plan-years/import',
      headers: as(clerk),
      payload: qinshui,
    });
    expect(response.statusCode).toBe(403);
  });

  it('takes a report from the clerk and an approval from the approver', async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/reports`,
      headers: as(clerk),
      payload: {
        asOf: '2023-08-31',
        values: { I1: 12, I2: 400 },
        progressText: '屋面改造完成一半',
        investment: '20000000',
      },
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/reports/${id}/submit`, headers: as(clerk) }))
        .statusCode,
    ).toBe(200);
    const queue = await t.app.inject({ method: 'GET', url: '/api/approvals', headers: as(approver, false) });
    expect(queue.json().items.map((r: { id: string }) => r.id)).toContain(id);
    expect(
      (
        await t.app.inject({ method: 'POST', url: `/api/reports/${id}/approve`, headers: as(approver) })
      ).json().status,
    ).toBe('approved');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}?asOf=2023-08-31`,
      headers: as(clerk, false),
    });
    expect(detail.json().assessment.indicators[0]).toMatchObject({ ref: 'I1', value: 12 });
  });

  it('answers bad report input with 422 naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/reports`,
      headers: as(clerk),
      payload: { asOf: '2023-09-30', values: { I1: 'abc' }, investment: '1.234' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('values.I1');
  });

  it('downloads the bulletin as a Word document', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2023/bulletin?asOf=2023-08-31&format=docx',
      headers: as(coordinator, false),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
