import { readFileSync } from 'node:fs';

/** Henan's 2023 ten projects with their year-end figures (seed 002), as a plan document. */
export const henan = JSON.parse(
  readFileSync(new URL('../../src/modules/progress/henan-2023.plan.fixture.json', import.meta.url), 'utf8'),
);

/** Shanxi-style document with every field of the format: units, leaders, milestones, allocations, reports. */
export const shanxi = {
  format: 'minsheng.plan/v1',
  region: { code: '140000', name: '山西省' },
  year: 2023,
  title: '2023年省政府12件民生实事',
  projects: [
    {
      ref: 'P01',
      name: '农村寄递物流服务全覆盖提质工程',
      field: '交通出行',
      task: '建设统仓共配一体化示范县',
      planText: '3月底前完成招标并开工，年底前建成20个示范县',
      leadUnits: ['省邮政管理局'],
      partnerUnits: ['省商务厅', '省交通运输厅', 'China Post Shanxi Branch'],
      leaders: [
        { role: '责任领导', name: '张三' },
        { role: '责任人', name: '李慧鑫', phone: '18235666981' },
      ],
      budget: '10000000.00',
      indicators: [
        { ref: 'I1', name: '统仓共配一体化示范县', unit: '个', kind: 'count', target: 20 },
        { ref: 'I2', name: '具备午餐条件的城区小学', unit: '所', kind: 'coverage', target: 284 },
        { ref: 'I3', name: '资助残疾人大学生', unit: '人', kind: 'entitlement' },
        { ref: 'I4', name: '资金拨付', unit: '元', kind: 'amount', target: '123000000.00' },
        { ref: 'I5', name: '工程形象进度', unit: '%', kind: 'percent', target: 100 },
      ],
      milestones: [
        { due: '2023-03-31', text: '完成招标并开工', planned: { I1: 5 }, investment: '500000' },
        { due: '2023-12-31', text: '全部建成', planned: { I1: 20, I4: '123000000' }, investment: 9500000 },
      ],
      reports: [
        {
          asOf: '2023-08-25',
          values: { I1: 20, I2: 284, I3: 5806, I4: '100000000.50', I5: 87.5 },
          eligible: { I3: 5806 },
          investment: '8000000',
          fundsArrived: '9000000',
          text: '截至8月25日，20个示范县全部建成',
        },
        {
          asOf: '2023-05-31',
          values: { I1: 8, I2: 200, I3: 3000, I4: '50000000', I5: 40 },
          eligible: { I3: 5806 },
        },
      ],
      // Not grouped by indicator: export gives them back in the order written.
      allocations: [
        { region: '140500', indicator: 'I4', target: '20000000.00' },
        { region: '140100', indicator: 'I1', target: 3 },
        { region: '140500', indicator: 'I1', target: 2 },
      ],
    },
  ],
};

/** A 沁水县 plan year whose project is led by the demo 住建局, so the demo clerk and approver can work on it. */
export const qinshui = {
  format: 'minsheng.plan/v1',
  region: { code: '140521', name: '沁水县' },
  year: 2023,
  title: '沁水县2023年民生实事',
  projects: [
    {
      ref: 'P07',
      name: '老旧小区改造项目',
      field: '城乡建设',
      task: '实施移民小区片区、科教小区片区及天河北巷片区改造，共7个小区26栋住宅楼839户',
      leadUnits: ['住建局'],
      partnerUnits: ['城投公司'],
      leaders: [{ role: '责任人', name: '王波', phone: '13935630633' }],
      budget: '55000000.00',
      indicators: [
        { ref: 'I1', name: '改造住宅楼', unit: '栋', kind: 'count', target: 26 },
        { ref: 'I2', name: '惠及居民', unit: '户', kind: 'coverage', target: 839 },
      ],
      milestones: [
        { due: '2023-03-31', text: '完成审批及招标，全面开工', planned: { I1: 0 } },
        { due: '2023-07-31', text: '完成屋面和楼体立面改造', planned: { I1: 13 } },
        { due: '2023-12-31', text: '竣工验收', planned: { I1: 26, I2: 839 } },
      ],
      reports: [],
      allocations: [],
    },
  ],
};

/**
 * A plan document moved to another year with every date in it. For a test that needs a county plan of
 * its own on a database holding the demo: the demo's 沁水县 2023 has projects with 督办 history, which
 * no re-import may drop, so such a test's plan goes in a year the demo leaves free (2021).
 */
export function inYear<T extends { year: number }>(doc: T, year: number): T {
  const text = JSON.stringify(doc)
    .replaceAll(`"${doc.year}-`, `"${year}-`)
    .replaceAll(`${doc.year}年`, `${year}年`);
  return { ...JSON.parse(text), year };
}
