import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateListView, recordReview } from '../../src/modules/candidates';
import {
  createCandidate,
  editCandidate,
  getCandidate,
  removeCandidate,
} from '../../src/modules/candidates/use-cases/drafting';
import { findPlanYear } from '../../src/modules/plans';
import { testDatabaseKinds } from '../support/databases';
import { importFixture, openWorld, REGION, suggestionGroup, type World, YEAR } from './support';

const park = (leadUnitId: string) => ({
  name: '城区口袋公园建设项目',
  field: '城乡建设',
  annualTask: '新建口袋公园 10 个，总面积约 2 万平方米',
  planText: '3 月底完成 20 万元，完成设计；6 月份完成 100 万元，开工建设；11-12月份完成 80 万元，竣工验收',
  leadUnitId,
  partnerUnits: ['交警大队', ' 城投公司 ', '交警大队'],
  countyLeaders: ['张县长'],
  responsibleLeaders: ['李局长'],
  supervisingLeaders: ['王副局长'],
  contacts: [{ name: '王波', phone: '13935630633' }],
  budget: '2000000',
  remarks: '',
  indicators: [
    { name: '新建口袋公园', unit: '个', kind: 'count' as const, target: 10 },
    { name: '工程形象进度', unit: '%', kind: 'percent' as const, target: 100 },
  ],
});

describe.each(testDatabaseKinds())('drafting candidates on $name', (kind) => {
  let w: World;
  let zjj: string;
  let wtj: string;
  let planYearId: string;
  beforeAll(async () => {
    w = await openWorld(kind);
    zjj = await w.unitId('住建局');
    wtj = await w.unitId('卫体局');
    planYearId = (await findPlanYear(w.deps.db, REGION, YEAR))!.id;
  });
  afterAll(() => w?.close());

  it('lets the clerk of 住建局 draft a candidate with every field, its indicators and suggestions', async () => {
    const group = await suggestionGroup(w, planYearId, '城区缺少休闲绿地', 2);
    const c = await createCandidate(w.deps, w.zjjClerk, REGION, YEAR, {
      ...park(zjj),
      suggestionGroupIds: [group],
    });
    expect(c).toMatchObject({
      seq: 1,
      status: 'draft',
      shortlisted: false,
      leadUnitId: zjj,
      field: '城乡建设',
      units: { lead: ['住建局'], partners: ['交警大队', '城投公司'], implementers: [] },
      countyLeaders: ['张县长'],
      contacts: [{ name: '王波', phone: '13935630633' }],
      budget: '2000000.00',
      indicators: [
        { ref: 'I1', name: '新建口袋公园', unit: '个', kind: 'count', target: 10 },
        { ref: 'I2', name: '工程形象进度', unit: '%', kind: 'percent', target: 100 },
      ],
      // With how many residents asked: the console shows it beside the link.
      suggestionGroups: [{ id: group, label: '城区缺少休闲绿地', suggestions: 2 }],
    });
    // 推进计划 is read into milestones as the official table's is.
    expect(c.milestones.map((m) => [m.due, m.investment])).toEqual([
      ['2024-03-31', '200000.00'],
      ['2024-06-30', '1000000.00'],
      ['2024-12-31', '800000.00'],
    ]);
    const audit = await w.auditOf('candidates', c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('user:zjj.clerk');
  });

  it('keeps the clerk of 卫体局 from drafting for 住建局 or editing its candidate', async () => {
    await expect(createCandidate(w.deps, w.wtjClerk, REGION, YEAR, park(zjj))).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
      field: 'leadUnitId',
      message: '只能为本单位谋划候选项目',
    });
    const [mine] = (await candidateListView(w.deps, w.coordinator, REGION, YEAR)).items;
    await expect(editCandidate(w.deps, w.wtjClerk, mine!.id, { name: '改名' })).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: '只能修改本单位牵头的候选项目',
    });
    const view = await candidateListView(w.deps, w.wtjClerk, REGION, YEAR);
    expect(view.items[0]!.editable).toBe(false);
    expect((await candidateListView(w.deps, w.zjjClerk, REGION, YEAR)).items[0]!.editable).toBe(true);
  });

  it("refuses another region's coordinator", async () => {
    await expect(createCandidate(w.deps, w.henan, REGION, YEAR, park(zjj))).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    await expect(candidateListView(w.deps, w.henan, REGION, YEAR)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  it('lists every bad indicator by row and writes nothing', async () => {
    const before = (await candidateListView(w.deps, w.coordinator, REGION, YEAR)).items.length;
    await expect(
      createCandidate(w.deps, w.zjjClerk, REGION, YEAR, {
        ...park(zjj),
        indicators: [
          { name: '惠及居民', kind: 'coverage', target: 1.5 },
          { name: '补助', kind: 'entitlement', target: 3 },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'CANDIDATE_INVALID',
      field: 'indicators.0.target',
      message: '第 1 个指标的目标应为整数（共 2 处）',
      details: [
        { field: 'indicators.0.target', message: '第 1 个指标的目标应为整数' },
        { field: 'indicators.1.target', message: '第 2 个指标是应补尽补类，不设固定目标值' },
      ],
    });
    expect((await candidateListView(w.deps, w.coordinator, REGION, YEAR)).items).toHaveLength(before);
  });

  it('refuses a lead unit of another region and a suggestion group of another plan year', async () => {
    await expect(
      createCandidate(w.deps, w.coordinator, REGION, YEAR, park('00000000-0000-4000-8000-000000000000')),
    ).rejects.toMatchObject({ code: 'CANDIDATE_INVALID', field: 'leadUnitId' });
    const other = (await findPlanYear(w.deps.db, '140000', 2023))!.id;
    const foreign = await suggestionGroup(w, other, '省里的建议');
    await expect(
      createCandidate(w.deps, w.zjjClerk, REGION, YEAR, { ...park(zjj), suggestionGroupIds: [foreign] }),
    ).rejects.toMatchObject({ code: 'CANDIDATE_INVALID', field: 'suggestionGroupIds.0' });
  });

  it('lets the clerk edit its draft, re-reading the plan, and records who changed what', async () => {
    const [mine] = (await candidateListView(w.deps, w.zjjClerk, REGION, YEAR)).items;
    const edited = await editCandidate(w.deps, w.zjjClerk, mine!.id, {
      name: '口袋公园建设项目',
      planText: '第一季度完成设计；第二季度开工',
      suggestionGroupIds: [],
    });
    expect(edited).toMatchObject({ name: '口袋公园建设项目', suggestionGroups: [], budget: '2000000.00' });
    expect(edited.milestones.map((m) => m.due)).toEqual(['2024-03-31', '2024-06-30']);
    const audit = await w.auditOf('candidates', mine!.id);
    expect(audit.map((a) => a.actor)).toEqual(['user:zjj.clerk', 'user:zjj.clerk']);
    expect(audit[1]!.action.toLowerCase()).toContain('update');
  });

  it('lets the department withdraw its own draft while the list is a draft', async () => {
    const c = await createCandidate(w.deps, w.zjjClerk, REGION, YEAR, { ...park(zjj), name: '临时草稿' });
    await expect(removeCandidate(w.deps, w.wtjClerk, c.id)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await removeCandidate(w.deps, w.zjjClerk, c.id);
    await expect(getCandidate(w.deps, w.zjjClerk, c.id)).rejects.toMatchObject({
      code: 'CANDIDATE_NOT_FOUND',
    });
    expect(await w.auditOf('candidates', c.id)).toHaveLength(2);
  });

  it('keeps a department from deleting a row of the official table, even its own', async () => {
    // The official table of another year, so this year's drafts stay as they are.
    await importFixture(w, 2025);
    const view = await candidateListView(w.deps, w.zjjClerk, REGION, 2025);
    const own = view.items.find((c) => c.editable)!;
    expect(own.units.lead).toEqual(['住建局']);
    await expect(removeCandidate(w.deps, w.zjjClerk, own.id)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: '部门只能删除本单位起草的候选项目草稿',
    });
    await removeCandidate(w.deps, w.coordinator, own.id);
  });

  it('lets the coordinator edit any candidate, also once the list is in review; departments then may not', async () => {
    const wtjDraft = await createCandidate(w.deps, w.wtjClerk, REGION, YEAR, {
      ...park(wtj),
      name: '中医巡回医疗服务项目',
      indicators: [],
    });
    expect(wtjDraft.seq).toBe(2);
    const byCoordinator = await editCandidate(w.deps, w.coordinator, wtjDraft.id, { budget: '350000.50' });
    expect(byCoordinator.budget).toBe('350000.50');
    expect((await w.auditOf('candidates', wtjDraft.id)).at(-1)!.actor).toBe('user:qinshui.coord');

    const { setShortlisted } = await import('../../src/modules/candidates/use-cases/screening');
    await setShortlisted(w.deps, w.coordinator, wtjDraft.id, true);
    await recordReview(w.deps, w.coordinator, REGION, YEAR, {
      meeting: 'government',
      heldOn: '2024-01-10',
      decision: 'approved',
    });
    await expect(editCandidate(w.deps, w.wtjClerk, wtjDraft.id, { remarks: '补充' })).rejects.toMatchObject({
      code: 'CANDIDATE_LIST_IN_REVIEW',
    });
    await expect(createCandidate(w.deps, w.zjjClerk, REGION, YEAR, park(zjj))).rejects.toMatchObject({
      code: 'CANDIDATE_LIST_IN_REVIEW',
    });
    await expect(removeCandidate(w.deps, w.coordinator, wtjDraft.id)).rejects.toMatchObject({
      code: 'CANDIDATE_LIST_IN_REVIEW',
    });
    const changed = await editCandidate(w.deps, w.coordinator, wtjDraft.id, {
      remarks: '按政府常务会意见修改',
    });
    expect(changed.remarks).toBe('按政府常务会意见修改');
    expect((await getCandidate(w.deps, w.wtjClerk, wtjDraft.id)).editable).toBe(false);
  });
});
