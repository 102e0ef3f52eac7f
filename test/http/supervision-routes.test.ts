import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';

/** 调度督办 over HTTP: the page's calls, and what bad input and the wrong user are told. */
describe.each(testDatabaseKinds())('supervision routes on $name', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let clerk: Session;
  let deputy: Session;
  let projectId: string;
  const board = '/api/plan-years/140521/2023/supervision';

  beforeAll(async () => {
    t = await openTestApp(kind);
    coordinator = await t.login('qinshui.coord');
    clerk = await t.login('zjj.clerk');
    deputy = await t.login('deputy.qinshui');
    const res = await t.app.inject({ method: 'GET', url: board, headers: as(coordinator, false) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    projectId = body.projects.find((p: { units: Array<{ name: string }> }) =>
      p.units.some((u) => u.name === '住建局'),
    ).id;
  });
  afterAll(() => t?.close());

  const post = (url: string, session: Session, payload: unknown, csrf = true) =>
    t.app.inject({ method: 'POST', url, headers: as(session, csrf), payload: payload as object });

  it('lists the plan year’s orders, the lagging projects and what the user may do', async () => {
    const res = await t.app.inject({ method: 'GET', url: board, headers: as(coordinator, false) });
    const body = res.json();
    expect(body).toMatchObject({ mayIssue: true, planYear: { regionCode: '140521', year: 2023 } });
    expect(body.totals).toHaveProperty('overdue');
    for (const id of body.lagging) {
      expect(['lagging', 'severely-lagging']).toContain(
        body.projects.find((p: { id: string }) => p.id === id).status,
      );
    }
    const asDeputy = await t.app.inject({ method: 'GET', url: board, headers: as(deputy, false) });
    expect(asDeputy.json().mayIssue).toBe(false);
  });

  it('issues and answers an order, each with its own body', async () => {
    const issued = await post(board, coordinator, {
      projectId,
      gravity: 'ordinary',
      reason: '  改造进度滞后，请加快。 ',
    });
    expect(issued.statusCode).toBe(201);
    const order = issued.json();
    expect(order).toMatchObject({
      stage: 'awaiting_ack',
      reason: '改造进度滞后，请加快。',
      unit: { name: '住建局' },
    });

    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/supervision/mine',
      headers: as(clerk, false),
    });
    expect(mine.json().items.map((o: { id: string }) => o.id)).toContain(order.id);

    const ack = await post(`/api/supervision/${order.id}/acknowledge`, clerk, {});
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ stage: 'awaiting_measures', actions: ['measures', 'resolution'] });

    const onProject = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/supervision`,
      headers: as(coordinator, false),
    });
    expect(onProject.json()).toMatchObject({ mayIssue: true });
    expect(onProject.json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/supervision`,
      headers: as(await t.login('henan.coord'), false),
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.code).toBe('PROJECT_NOT_FOUND');

    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/supervision/${order.id}`,
      headers: as(deputy, false),
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().history.map((h: { kind: string }) => h.kind)).toEqual(['issued', 'acknowledged']);
    expect(detail.json().actions).toEqual([]);
  });

  it('answers bad input with a code, the field and a Chinese message', async () => {
    const cases: Array<[string, Session, unknown, number, string, string]> = [
      [
        board,
        coordinator,
        { projectId, gravity: 'ordinary', reason: '   ' },
        422,
        'VALIDATION_FAILED',
        'reason',
      ],
      [
        board,
        coordinator,
        { projectId, gravity: 'urgent', reason: '请加快' },
        422,
        'VALIDATION_FAILED',
        'gravity',
      ],
      [
        board,
        coordinator,
        { projectId: 'P07', gravity: 'ordinary', reason: '请加快' },
        422,
        'VALIDATION_FAILED',
        'projectId',
      ],
      [
        board,
        coordinator,
        { projectId, gravity: 'ordinary', reason: '长'.repeat(2001) },
        422,
        'VALIDATION_FAILED',
        'reason',
      ],
    ];
    for (const [url, session, payload, status, code, field] of cases) {
      const res = await post(url, session, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(res.json().error).toMatchObject({ code, field });
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const { id } = (await post(board, coordinator, { projectId, gravity: 'major', reason: '请加快' })).json();
    await post(`/api/supervision/${id}/acknowledge`, clerk, {});
    const badDate = await post(`/api/supervision/${id}/measures`, clerk, {
      text: '计划',
      dueOn: '2023-02-30',
    });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'dueOn' });
    const noText = await post(`/api/supervision/${id}/measures`, clerk, { text: '' });
    expect(noText.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'text',
      message: '请填写整改措施',
    });
    const notYet = await post(`/api/supervision/${id}/close`, coordinator, { grade: '优秀' });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.code).toBe('SUPERVISION_STEP_INVALID');
    const badGrade = await post(`/api/supervision/${id}/close`, coordinator, { grade: '不合格' });
    expect(badGrade.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'grade' });
  });

  it('takes a deputy’s inspection, and answers bad input with the field', async () => {
    const url = `/api/projects/${projectId}/inspections`;
    const created = await post(url, deputy, { visitedOn: '2023-09-11', text: '现场施工停滞。' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ mayInspect: true, items: [{ text: '现场施工停滞。' }] });
    const badDate = await post(url, deputy, { visitedOn: '2023-13-01', text: '好' });
    expect(badDate.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'visitedOn' });
    const empty = await post(url, deputy, { visitedOn: '2023-09-11', text: ' ' });
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'text',
      message: '请填写视察意见',
    });
    const asClerk = await post(url, clerk, { visitedOn: '2023-09-11', text: '好' });
    expect(asClerk.statusCode).toBe(403);
    const read = await t.app.inject({ method: 'GET', url, headers: as(coordinator, false) });
    expect(read.json()).toMatchObject({ mayInspect: false, mayIssue: true });
  });

  it('refuses the wrong user, a missing CSRF header, no session and an unknown order', async () => {
    const asClerk = await post(board, clerk, { projectId, gravity: 'ordinary', reason: '请加快' });
    expect(asClerk.statusCode).toBe(403);
    expect(asClerk.json().error.code).toBe('OUT_OF_SCOPE');
    const noCsrf = await post(
      board,
      coordinator,
      { projectId, gravity: 'ordinary', reason: '请加快' },
      false,
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const anonymous = await t.app.inject({ method: 'GET', url: board });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/supervision/00000000-0000-4000-8000-000000000000',
      headers: as(coordinator, false),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'SUPERVISION_NOT_FOUND', message: '督办事项不存在' });
    const escalated = await t.app.inject({
      method: 'GET',
      url: '/api/supervision/escalated',
      headers: as(deputy, false),
    });
    expect(escalated.statusCode).toBe(200);
  });
});
