import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { renderBulletin, renderYearEndReport } from '../../src/modules/reports';
import { issueOrder, supervisionBoard } from '../../src/modules/supervision';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

/** The bulletin of a date carries 督办 as it stood that day: counts, and by name what is 3+ days late. */
describe.each(testDatabaseKinds())('督办 in the bulletin on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let coordinator: Actor;
  const bulletin = (asOf: string, format: 'md' | 'json' | 'xlsx') =>
    renderBulletin(deps, coordinator, { regionCode: '140521', year: 2023, asOf, format });

  beforeAll(async () => {
    database = await kind.openDemo();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-09-01T02:00:00Z'));
    coordinator = await actorOf(database.db, 'qinshui.coord');
    // An order nobody acknowledges: due the day it was issued.
    const board = await supervisionBoard(deps, coordinator, '140521', 2023);
    const park = board.projects.find((p) => p.ref === 'P01')!;
    await issueOrder(deps, coordinator, '140521', 2023, {
      projectId: park.id,
      gravity: 'ordinary',
      reason: '口袋公园建设进度滞后。',
    });
  });
  afterAll(() => database?.close());

  it('counts the demo’s orders as they stood at the date, after the projects’ sections', async () => {
    const md = String((await bulletin('2023-08-31', 'md')).body);
    expect(md).toContain(
      '## 十三、督办情况\n\n截至8月31日，共下达督办事项3件，已办结2件（按时办结2件，评定优秀1件、良好1件），正在办理1件，均在时限内。',
    );
    expect(md.indexOf('## 十三、督办情况')).toBeGreaterThan(md.indexOf('## 十二、'));
    expect(md).not.toContain('予以通报');
  });

  it('names an open order 3 days overdue, and raises it after 7', async () => {
    const md = String((await bulletin('2023-09-04', 'md')).body);
    expect(md).toContain('逾期3天以上、予以通报的督办事项1件：');
    expect(md).toContain(
      '1. 督〔2023〕5号“口袋公园建设项目”（园林绿化中心，一般事项）：待签收，应于9月1日前完成，已逾期3天。',
    );
    expect(String((await bulletin('2023-09-08', 'md')).body)).toContain('已逾期7天，已提级督办。');
    const json = JSON.parse(String((await bulletin('2023-09-04', 'json')).body));
    expect(json.supervision.totals).toMatchObject({ total: 4, open: 2, overdue: 1, named: 1, escalated: 0 });
  });

  it('has no 督办 section before the first order, and a 督办台账 sheet once there are orders', async () => {
    const early = String((await bulletin('2023-06-30', 'md')).body);
    expect(early).not.toContain('督办情况');
    expect(JSON.parse(String((await bulletin('2023-06-30', 'json')).body))).not.toHaveProperty('supervision');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bulletin('2023-09-04', 'xlsx')).body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('督办台账')!;
    expect(sheet.getCell(1, 1).value).toMatch(/^沁水县2023年民生实事.*督办台账$/);
    const rows = Array.from(
      { length: sheet.rowCount - 3 },
      (_, i) => sheet.getRow(i + 4).values as unknown[],
    );
    expect(rows.map((r) => [r[1], r[3], r[6], r[8] ?? null])).toEqual([
      ['督〔2023〕1号', '住建局', '已办结', null],
      ['督〔2023〕2号', '住建局', '办理中', null],
      ['督〔2023〕3号', '残联', '已办结', null],
      ['督〔2023〕5号', '园林绿化中心', '待签收', 3],
    ]);
  });

  it('closes the year-end report with 督办情况 and its ledger, as of the report’s date', async () => {
    const report = (format: 'md' | 'xlsx') =>
      renderYearEndReport(deps, coordinator, { regionCode: '140521', year: 2023, format });
    const md = String((await report('md')).body);
    expect(md).toContain(
      '## 四、督办情况\n\n截至9月1日，共下达督办事项4件，已办结2件（按时办结2件，评定优秀1件、良好1件），正在办理2件，均在时限内。',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await report('xlsx')).body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('督办台账');
  });
});
