import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedCandidateList,
  candidateListView,
  listCandidates,
  recordReview,
} from '../../src/modules/candidates';
import { createCandidate } from '../../src/modules/candidates/use-cases/drafting';
import { listReviews } from '../../src/modules/candidates/use-cases/review';
import {
  getScreening,
  scoreCandidate,
  setCriteria,
  setShortlisted,
} from '../../src/modules/candidates/use-cases/screening';
import { findPlanYear } from '../../src/modules/plans';
import { createSession } from '../../src/modules/voting/use-cases/sessions';
import { testDatabaseKinds } from '../support/databases';
import { importFixture, openWorld, REGION, type World, YEAR } from './support';

const all = (a: number, b: number, c: number, d: number) => ({
  普惠性: a,
  实效性: b,
  可行性: c,
  目标可量化: d,
});

describe.each(testDatabaseKinds())('screening and the meetings on $name', (kind) => {
  let w: World;
  let ids: string[];
  beforeAll(async () => {
    w = await openWorld(kind);
    const zjj = await w.unitId('住建局');
    ids = [];
    for (const name of ['老旧小区改造', '城区停车场建设', '城区公厕新建改造', '农贸市场改造提升']) {
      const c = await createCandidate(w.deps, w.zjjClerk, REGION, YEAR, { name, leadUnitId: zjj });
      ids.push(c.id);
    }
  });
  afterAll(() => w?.close());

  it('scores on the default criteria and ranks by the weighted total, ties sharing a rank', async () => {
    await scoreCandidate(w.deps, w.coordinator, ids[0]!, all(90, 80, 70, 60)); // 77
    await scoreCandidate(w.deps, w.coordinator, ids[1]!, all(95, 95, 95, 95)); // 95
    await scoreCandidate(w.deps, w.coordinator, ids[2]!, all(77, 77, 77, 77)); // 77
    const screening = await scoreCandidate(w.deps, w.coordinator, ids[3]!, { 普惠性: 100 });
    expect(screening.criteria.map((c) => `${c.name}${c.weight}`)).toEqual([
      '普惠性30',
      '实效性30',
      '可行性20',
      '目标可量化20',
    ]);
    expect(screening.items.map((i) => [i.name, i.total, i.rank, i.tied])).toEqual([
      ['城区停车场建设', 95, 1, false],
      ['老旧小区改造', 77, 2, true],
      ['城区公厕新建改造', 77, 2, true],
      ['农贸市场改造提升', null, null, false],
    ]);
    expect(screening.items[0]!.scores).toEqual(all(95, 95, 95, 95));
  });

  it('re-ranks when the coordinator changes the weights for the plan year', async () => {
    const screening = await setCriteria(w.deps, w.coordinator, REGION, YEAR, [
      { name: '普惠性', weight: 70 },
      { name: '目标可量化', weight: 30 },
    ]);
    // 90×70% + 60×30% = 81 ahead of 77×100% = 77
    expect(screening.items.map((i) => [i.name, i.total, i.rank])).toEqual([
      ['城区停车场建设', 95, 1],
      ['老旧小区改造', 81, 2],
      ['城区公厕新建改造', 77, 3],
      ['农贸市场改造提升', null, null],
    ]);
  });

  it('refuses weights not adding up to 100, a score out of range, and a department', async () => {
    await expect(
      setCriteria(w.deps, w.coordinator, REGION, YEAR, [
        { name: '普惠性', weight: 50 },
        { name: '可行性', weight: 30 },
      ]),
    ).rejects.toMatchObject({
      code: 'SCREENING_CRITERIA_INVALID',
      message: '各项权重之和应为 100%，现为 80%',
    });
    await expect(scoreCandidate(w.deps, w.coordinator, ids[0]!, { 普惠性: 120 })).rejects.toMatchObject({
      code: 'SCREENING_SCORE_INVALID',
      field: 'scores.普惠性',
    });
    await expect(scoreCandidate(w.deps, w.zjjClerk, ids[0]!, { 普惠性: 80 })).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
    await expect(setShortlisted(w.deps, w.henan, ids[0]!, true)).rejects.toMatchObject({
      code: 'CANDIDATE_NOT_FOUND',
    });
  });

  it('keeps the list from the meetings until something is shortlisted', async () => {
    await expect(
      recordReview(w.deps, w.coordinator, REGION, YEAR, {
        meeting: 'government',
        heldOn: '2024-01-08',
        decision: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'CANDIDATE_LIST_EMPTY' });
  });

  it('shortlists, and the vote is refused until 政府常务会 then 党委常委会 have approved', async () => {
    for (const id of ids.slice(0, 3)) await setShortlisted(w.deps, w.coordinator, id, true);
    expect((await getScreening(w.deps, w.zjjClerk, REGION, YEAR)).shortlisted).toBe(3);
    const plan = (await findPlanYear(w.deps.db, REGION, YEAR))!;
    const session = { congress: '沁水县第十七届人民代表大会', sitting: '第四次会议', seats: 2 };

    await expect(createSession(w.deps, w.coordinator, REGION, YEAR, session)).rejects.toMatchObject({
      code: 'CANDIDATE_LIST_NOT_APPROVED',
      message:
        '候选项目清单尚未经政府常务会研究通过、党委常委会研究通过，不能提交人大代表票决（须先经政府常务会、再经党委常委会研究通过）',
    });
    await expect(
      recordReview(w.deps, w.coordinator, REGION, YEAR, {
        meeting: 'party',
        heldOn: '2024-01-08',
        decision: 'approved',
      }),
    ).rejects.toMatchObject({
      code: 'CANDIDATE_REVIEW_INVALID',
      message: '候选项目清单须先经政府常务会研究通过，再提交党委常委会',
    });
    const afterGovernment = await recordReview(w.deps, w.coordinator, REGION, YEAR, {
      meeting: 'government',
      heldOn: '2024-01-08',
      decision: 'approved_with_changes',
      note: '城区公厕项目压缩规模',
    });
    expect(afterGovernment).toMatchObject({ state: 'government_approved', readyForVote: false });
    await expect(createSession(w.deps, w.coordinator, REGION, YEAR, session)).rejects.toMatchObject({
      code: 'CANDIDATE_LIST_NOT_APPROVED',
      message: expect.stringContaining('尚未经党委常委会研究通过'),
    });
    // Screening is closed while the meetings study the list.
    await expect(setShortlisted(w.deps, w.coordinator, ids[3]!, true)).rejects.toMatchObject({
      code: 'CANDIDATE_LIST_IN_REVIEW',
    });
    await expect(
      recordReview(w.deps, w.coordinator, REGION, YEAR, {
        meeting: 'party',
        heldOn: '2024-01-07',
        decision: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'CANDIDATE_REVIEW_INVALID', field: 'heldOn' });
    const approved = await recordReview(w.deps, w.coordinator, REGION, YEAR, {
      meeting: 'party',
      heldOn: '2024-01-12',
      decision: 'approved',
    });
    expect(approved).toMatchObject({ state: 'approved', readyForVote: true, missing: [] });
    expect(approved.records.map((r) => [r.meetingLabel, r.heldOn, r.decisionLabel, r.listSize])).toEqual([
      ['政府常务会', '2024-01-08', '修改后通过', 3],
      ['党委常委会', '2024-01-12', '通过', 3],
    ]);
    expect(await approvedCandidateList(w.deps.db, plan.id)).toEqual(ids.slice(0, 3));

    const created = await createSession(w.deps, w.coordinator, REGION, YEAR, session);
    expect(created.candidates.map((c) => c.name)).toEqual([
      '老旧小区改造',
      '城区停车场建设',
      '城区公厕新建改造',
    ]);
    expect((await w.auditOf('candidate_reviews', approved.records[1]!.id))[0]!.actor).toBe(
      'user:qinshui.coord',
    );
  });

  it('refuses a meeting record once approved, a clerk, and another county', async () => {
    await expect(
      recordReview(w.deps, w.coordinator, REGION, YEAR, {
        meeting: 'government',
        heldOn: '2024-01-13',
        decision: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'CANDIDATE_REVIEW_INVALID' });
    await expect(
      recordReview(w.deps, w.zjjClerk, REGION, YEAR, {
        meeting: 'party',
        heldOn: '2024-01-13',
        decision: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    await expect(listReviews(w.deps, w.henan, REGION, YEAR)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect((await listReviews(w.deps, w.zjjClerk, REGION, YEAR)).stateLabel).toBe(
      '已审定，可提交人大代表票决',
    );
  });

  it('keeps meeting records unchangeable in the database', async () => {
    const { candidateReviews } = await import('../../src/modules/candidates/candidates.tables');
    await expect(w.deps.db.update(candidateReviews).set({ decision: 'rejected' })).rejects.toThrow();
  });

  it('refuses to replace an approved list by import', async () => {
    await expect(importFixture(w)).rejects.toMatchObject({ code: 'CANDIDATE_LIST_IN_REVIEW' });
    expect(await listCandidates(w.deps, w.coordinator, REGION, YEAR)).toHaveLength(4);
  });
});

describe.each(testDatabaseKinds())('the imported official list on $name', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld(kind);
  });
  afterAll(() => w?.close());

  it('is all shortlisted, with lead units tied to the units their clerks act for', async () => {
    await importFixture(w);
    const view = await candidateListView(w.deps, w.zjjClerk, REGION, YEAR);
    expect(view.items).toHaveLength(15);
    expect(view.items.every((c) => c.shortlisted && c.status === 'listed')).toBe(true);
    const zjj = await w.unitId('住建局');
    const garden = await w.unitId('园林绿化服务中心');
    expect(view.items[0]!.leadUnitId).toBe(garden); // written 园林绿化中心, the unit's short name
    const own = view.items.filter((c) => c.leadUnitId === zjj);
    expect(own.length).toBeGreaterThan(0);
    expect(view.items.filter((c) => c.editable).map((c) => c.id)).toEqual(own.map((c) => c.id));
    const screening = await getScreening(w.deps, w.coordinator, REGION, YEAR);
    expect(screening).toMatchObject({ shortlisted: 15, editable: true, state: 'draft' });
  });
});
