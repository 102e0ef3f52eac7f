import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openTestApp, type Session, type TestApp } from '../support/app';
import { testDatabaseKinds } from '../support/databases';
import { inYear, qinshui as qinshui2023 } from '../support/plans';

// The demo's 沁水县 2023 carries 督办 history: this test's own plan goes in 2021 (support/plans.ts).
const qinshui = inYear(qinshui2023, 2021);

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
    expect(imported.json()).toMatchObject({ region: '140521', year: 2021, projects: 1 });
    const overview = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2021/overview?asOf=2021-08-25',
      headers: as(clerk, false),
    });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({ elapsed: 0.6493, total: 1, inProgress: 1 });
    projectId = overview.json().projects[0].id;
  });

  it("answers the clerk's 填报待办 with the imported project, and asks a visitor to sign in", async () => {
    const todo = await t.app.inject({ method: 'GET', url: '/api/progress/todo', headers: as(clerk, false) });
    expect(todo.statusCode).toBe(200);
    const item = todo.json().items.find((i: { year: number }) => i.year === 2021);
    expect(item).toMatchObject({ projectId, ref: 'P07', unitName: '住建局', role: 'lead' });
    // 2021 is over: its December report is the latest one overdue, and no month was ever reported.
    expect(item.todos).toContainEqual(
      expect.objectContaining({ kind: 'overdue', asOf: '2021-12-31', missing: 12 }),
    );
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/progress/todo' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.message).toMatch(/登录/);
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
        asOf: '2021-08-31',
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
      url: `/api/projects/${projectId}?asOf=2021-08-31`,
      headers: as(clerk, false),
    });
    expect(detail.json().assessment.indicators[0]).toMatchObject({ ref: 'I1', value: 12 });
  });

  it('answers bad report input with 422 naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/reports`,
      headers: as(clerk),
      payload: { asOf: '2021-09-30', values: { I1: 'abc' }, investment: '1.234' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.field).toBe('values.I1');
  });

  it('answers each kind of bad report with its own code and a Chinese message', async () => {
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/reports`,
        headers: as(clerk),
        payload: { asOf: '2021-09-30', values: { I1: 13 }, ...payload },
      });
    const cases = [
      [
        { investment: '1200000.555' },
        422,
        'REPORT_MONEY_PRECISION',
        'investment',
        '完成投资最多两位小数（精确到分）',
      ],
      [{ values: { I1: -2 } }, 422, 'REPORT_VALUE_NEGATIVE', 'values.I1', '改造住宅楼：累计值不能为负数'],
      [{ values: { I7: 2 } }, 422, 'REPORT_INDICATOR_UNKNOWN', 'values.I7', '项目没有编号为 I7 的指标'],
    ] as const;
    for (const [payload, status, code, field, message] of cases) {
      const response = await post(payload);
      expect(response.statusCode, code).toBe(status);
      expect(response.json().error).toMatchObject({ code, field, message });
    }
    const closed = await post({ asOf: '2021-07-31' });
    expect(closed.statusCode).toBe(201);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${closed.json().id}/submit`,
      headers: as(clerk),
    });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().error).toMatchObject({ code: 'REPORT_PERIOD_CLOSED', field: 'asOf' });
    expect(submitted.json().error.message).toContain('所在期已关闭');
  });

  it('drills into one split indicator of the roll-up, refusing one the plan does not split', async () => {
    const rollup = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2021/rollup?asOf=2021-08-31',
      headers: as(coordinator, false),
    });
    expect(rollup.statusCode).toBe(200);
    expect(rollup.json()).toMatchObject({ asOf: '2021-08-31', regions: {}, indicators: [] });
    const drill = await t.app.inject({
      method: 'GET',
      url: `/api/plan-years/140521/2021/rollup?project=${projectId}&ref=I1`,
      headers: as(coordinator, false),
    });
    expect(drill.statusCode).toBe(404);
    expect(drill.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'ref' });
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2021/rollup?project=x&ref=I1',
      headers: as(coordinator, false),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('project');
  });

  it('downloads the bulletin as a Word document', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2021/bulletin?asOf=2021-08-31&format=docx',
      headers: as(coordinator, false),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('takes a photo on a draft report, strips its location, and refuses what is not a photo or too large', async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/reports`,
      headers: as(clerk),
      payload: { asOf: '2021-09-30', values: { I1: 14 } },
    });
    const reportId = draft.json().id;
    const upload = (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(bytes)]), name);
      return t.app.inject({
        method: 'POST',
        url: `/api/reports/${reportId}/photos`,
        headers: as(clerk),
        payload: form,
      });
    };
    const exif = Buffer.from('Exif\0\0GPSLatitude 35.69', 'latin1');
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2]),
      exif,
      Buffer.from([0xff, 0xda, 0, 4, 1, 2]),
      Buffer.from('PIXELS'),
      Buffer.from([0xff, 0xd9]),
    ]);
    const added = await upload(jpeg, 'site.jpg');
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ contentType: 'image/jpeg' });
    const image = await t.app.inject({
      method: 'GET',
      url: added.json().url,
      headers: as(coordinator, false),
    });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(image.rawPayload.includes(Buffer.from('PIXELS'))).toBe(true);

    const pdf = await upload(Buffer.from('%PDF-1.7 not a photo'), 'photo.jpg');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message).toBe('只能上传 JPEG、PNG 或 WebP 格式的照片');
    const huge = await upload(Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024)]), 'huge.jpg');
    expect(huge.statusCode).toBe(413);

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}/reports`,
      headers: as(clerk, false),
    });
    const withPhoto = history.json().items.find((r: { id: string }) => r.id === reportId);
    expect(withPhoto.photos).toHaveLength(1);
  });

  it('lets the coordinator choose the 武汉 light rule and refuses an unknown one', async () => {
    const set = await t.app.inject({
      method: 'PATCH',
      url: '/api/plan-years/140521/2021/tracking',
      headers: as(coordinator),
      payload: { lightRule: 'wuhan', reportingDay: 10 },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ reportingDay: 10, lightRule: 'wuhan' });
    // The bulletin colours projects by the same rule as the overview.
    const lights = async (url: string) =>
      (await t.app.inject({ method: 'GET', url, headers: as(coordinator, false) }))
        .json()
        .projects.map((p: { light: string }) => p.light);
    const inOverview = await lights('/api/plan-years/140521/2021/overview?asOf=2021-03-31');
    expect(inOverview).toEqual(['red']);
    expect(await lights('/api/plan-years/140521/2021/bulletin?asOf=2021-03-31&format=json')).toEqual(
      inOverview,
    );
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/plan-years/140521/2021/tracking',
      headers: as(coordinator),
      payload: { lightRule: 'beijing' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('没有名为 beijing 的亮灯规则');
    const byClerk = await t.app.inject({
      method: 'PATCH',
      url: '/api/plan-years/140521/2021/tracking',
      headers: as(clerk),
      payload: { reportingDay: 3 },
    });
    expect(byClerk.statusCode).toBe(403);
  });

  it('masks the phones of the people responsible for readers who do not run the plan', async () => {
    const byClerk = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}`,
      headers: as(clerk, false),
    });
    expect(byClerk.json().project.leaders[0]).toEqual({ role: '责任人', name: '王波', phone: '139****0633' });
    const byCoordinator = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${projectId}`,
      headers: as(coordinator, false),
    });
    expect(byCoordinator.json().project.leaders[0].phone).toBe('13935630633');
  });

  // Last: it adds a project to the plan year the tests above count on having one.
  it('lets the coordinator type a project in and change it, refusing bad fields and clerks', async () => {
    const units = await t.app.inject({
      method: 'GET',
      url: '/api/units?region=140521',
      headers: as(coordinator, false),
    });
    const unitId = (name: string) => units.json().items.find((u: { name: string }) => u.name === name).id;
    const body = {
      name: '城区口袋公园建设',
      field: '城乡建设',
      leadUnitIds: [unitId('园林绿化服务中心')],
      partnerUnitIds: [unitId('住建局')],
      leaders: [{ role: '责任人', name: '李慧鑫', phone: '18235666981' }],
      budget: '10000000',
      indicators: [
        { ref: 'I1', name: '新建口袋公园', unit: '个', kind: 'count', target: '6' },
        { ref: 'I2', name: '完成投资', kind: 'amount', target: '10000000' },
      ],
      milestones: [{ due: '2021-06-30', text: '完成3个', planned: { I1: '3', I2: '5000000' } }],
    };
    const post = (payload: Record<string, unknown>, who = coordinator) =>
      t.app.inject({
        method: 'POST',
        url: '/api/plan-years/140521/2021/projects',
        headers: as(who),
        payload,
      });

    expect((await post(body, clerk)).statusCode).toBe(403);
    const shape = await post({ ...body, name: '', leadUnitIds: [] });
    expect(shape.statusCode).toBe(422);
    expect(shape.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'name',
      message: '请填写项目名称',
    });
    expect(shape.json().error.details).toContainEqual({ field: 'leadUnitIds', message: '请选择牵头单位' });
    const rules = await post({
      ...body,
      indicators: [{ ...body.indicators[0], target: '-1' }, body.indicators[1]],
      milestones: [{ due: '2024-03-31', planned: { I1: '3' } }],
    });
    expect(rules.statusCode).toBe(422);
    expect(rules.json().error).toMatchObject({ code: 'PROJECT_INVALID', field: 'indicators.0.target' });
    expect(rules.json().error.details).toContainEqual({
      field: 'milestones.0.due',
      message: '日期必须在计划期内（2021-01-01 至 2021-12-31）',
    });

    const created = await post(body);
    expect(created.statusCode).toBe(201);
    const { id, ref } = created.json();
    const overview = await t.app.inject({
      method: 'GET',
      url: '/api/plan-years/140521/2021/overview?asOf=2021-08-31',
      headers: as(clerk, false),
    });
    expect(
      overview.json().projects.map((p: { ref: string; name: string }) => [p.ref, p.name]),
    ).toContainEqual([ref, '城区口袋公园建设']);

    const form = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${id}/entry`,
      headers: as(coordinator, false),
    });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ ref, budget: '10000000.00', leaders: body.leaders });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/projects/${id}/entry`, headers: as(clerk, false) }))
        .statusCode,
    ).toBe(403);
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/projects/${id}`,
      headers: as(coordinator),
      payload: {
        ...(form.json() as Record<string, unknown>),
        name: '城区口袋公园建设（一期）',
        budget: '12000000.10',
      },
    });
    expect(edited.statusCode).toBe(200);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/projects/${id}`,
      headers: as(coordinator, false),
    });
    expect(detail.json().project).toMatchObject({ name: '城区口袋公园建设（一期）', budget: '12000000.10' });
  });
});
