/**
 * When the count says no: a vote without quorum, more ballots returned than issued (printed slips
 * that were never handed out), and a tie at the cut-off leaving seats open for a further vote on
 * just the tied candidates, which then settles them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates } from '../../src/db/schema';
import { checkIn, issueSlips } from '../../src/modules/voting/use-cases/attendance';
import { castBallot, lookUpReceipt } from '../../src/modules/voting/use-cases/ballots';
import { closeSession, electedCandidates } from '../../src/modules/voting/use-cases/results';
import { getRoll } from '../../src/modules/voting/use-cases/roll';
import { openFollowUp, openSession } from '../../src/modules/voting/use-cases/sessions';
import { testDatabaseKinds } from '../support/databases';
import { approve, openedSession, openVotingWorld, REGION, type VotingWorld, YEAR } from './support';

describe.each(testDatabaseKinds())('quorum, returned ballots and ties on $name', (kind) => {
  let w: VotingWorld;
  beforeAll(async () => {
    w = await openVotingWorld(kind);
  }, 120_000);
  afterAll(() => w?.close());

  const statuses = async (ids: string[]) => {
    const rows = await w.database.db
      .select({ id: candidates.id, status: candidates.status })
      .from(candidates);
    const of = new Map(rows.map((r) => [r.id, r.status]));
    return ids.map((id) => of.get(id));
  };

  it('declares a vote without quorum invalid, electing nobody and leaving the candidates as they were', async () => {
    const s = await openedSession(w, { seats: 12, rollSize: 10, present: 5 });
    const marks = approve(w.candidateIds, w.candidateIds.slice(0, 12));
    const { receipt } = await castBallot(w.deps, s.tokens[0]!, { marks });
    for (const token of s.tokens.slice(1)) await castBallot(w.deps, token, { marks });
    const r = (await closeSession(w.deps, w.coordinator, s.id)).result!;
    expect(r).toMatchObject({
      valid: false,
      invalidReasons: ['实到 5 人，未达到应到 10 人所需的出席人数 6 人，表决无效'],
      quorum: 6,
      elected: [],
      tied: [],
      openSeats: 12,
    });
    expect(new Set(r.candidates.map((c) => c.outcomeLabel))).toEqual(new Set(['表决无效，未产生结果']));
    expect(await statuses(w.candidateIds)).toEqual(Array(15).fill('listed'));
    expect(await lookUpReceipt(w.deps, receipt)).toMatchObject({
      status: 'vote_invalid',
      message: '您的选票已收到，但本次表决无效：实到 5 人，未达到应到 10 人所需的出席人数 6 人，表决无效',
    });
    await expect(openFollowUp(w.deps, w.coordinator, s.id)).rejects.toMatchObject({ code: 'VOTING_NO_TIE' });
  });

  it('declares a vote invalid when more ballots come back than were handed out', async () => {
    const s = await openedSession(w, { seats: 12, rollSize: 5, present: 3 });
    // Two printed slips reach the box without a deputy having checked in for them.
    const { tokens: slips, slipsIssued } = await issueSlips(w.deps, w.coordinator, s.id, 2);
    expect(slipsIssued).toBe(2);
    await expect(issueSlips(w.deps, w.coordinator, s.id, 4)).rejects.toMatchObject({
      code: 'VOTING_SLIPS_EXCEED_ROLL',
      message: '已打印 2 张票条，再打印 4 张将超过代表名单的 5 人',
    });
    const marks = approve(w.candidateIds, w.candidateIds.slice(0, 12));
    for (const token of [...s.tokens, ...slips]) await castBallot(w.deps, token, { marks });
    const r = (await closeSession(w.deps, w.coordinator, s.id)).result!;
    expect(r).toMatchObject({
      valid: false,
      issued: 3,
      returned: 5,
      invalidReasons: ['收回 5 张票，多于发出的 3 张，表决无效'],
      elected: [],
    });
  });

  it('counts printed slips handed out at check-in like any ballot', async () => {
    const s = await openedSession(w, {
      seats: 2,
      rollSize: 3,
      present: 0,
      candidateIds: w.candidateIds.slice(0, 3),
    });
    const { tokens } = await issueSlips(w.deps, w.coordinator, s.id, 3);
    for (const [i, deputyId] of s.deputyIds.entries()) {
      expect((await checkIn(w.deps, w.clerkA, s.id, { deputyId, form: 'slip' })).token).toBeNull();
      await castBallot(w.deps, tokens[i]!, {
        marks: approve(w.candidateIds.slice(0, 3), w.candidateIds.slice(0, 2)),
      });
    }
    const r = (await closeSession(w.deps, w.coordinator, s.id)).result!;
    expect(r).toMatchObject({ valid: true, issued: 3, returned: 3, elected: [{ seq: 1 }, { seq: 2 }] });
  });

  it('leaves the seats of a tie at the cut-off open and holds a further vote on just the tied candidates', async () => {
    // Five candidates, three seats, ten deputies: A gets 10, B, C and D 6 each, E none.
    const five = w.candidateIds.slice(3, 8);
    const [A, B, C, D] = five as [string, string, string, string, string];
    const s = await openedSession(w, { seats: 3, rollSize: 10, present: 10, candidateIds: five });
    const pairs = [
      [B, C],
      [B, D],
      [C, D],
    ];
    for (const [i, token] of s.tokens.entries()) {
      const yes = i < 9 ? [A, ...pairs[i % 3]!] : [A];
      await castBallot(w.deps, token, { marks: approve(five, yes) });
    }
    const r = (await closeSession(w.deps, w.coordinator, s.id)).result!;
    expect(r).toMatchObject({ valid: true, threshold: 6, openSeats: 2 });
    expect(r.elected.map((e) => e.candidateId)).toEqual([A]);
    expect(r.tied.map((e) => e.candidateId)).toEqual([B, C, D]);
    expect(r.candidates.map((c) => [c.yes, c.outcomeLabel])).toEqual([
      [10, '当选'],
      [6, '得票相同，待再次表决'],
      [6, '得票相同，待再次表决'],
      [6, '得票相同，待再次表决'],
      [0, '未当选'],
    ]);
    expect(await statuses(five)).toEqual(['elected', 'listed', 'listed', 'listed', 'not_elected']);
    const waiting = await electedCandidates(w.deps, w.coordinator, REGION, YEAR);
    expect(waiting.pending).toEqual([{ sessionId: s.id, openSeats: 2, tied: r.tied }]);

    const followUp = await openFollowUp(w.deps, w.coordinator, s.id);
    expect(followUp).toMatchObject({
      parentId: s.id,
      state: 'draft',
      seats: 2,
      title: '2024年民生实事项目人大代表票决（得票相同项目再次表决）',
      rule: { maxYes: 2 },
      counts: { roll: 10 },
    });
    expect(followUp.candidates.map((c) => c.id)).toEqual([B, C, D]);
    await expect(openFollowUp(w.deps, w.coordinator, s.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    await openSession(w.deps, w.coordinator, followUp.id);
    const roll = (await getRoll(w.deps, w.coordinator, followUp.id)).items;
    expect(roll.map((d) => d.name)).toEqual(
      (await getRoll(w.deps, w.coordinator, s.id)).items.map((d) => d.name),
    );
    for (const [i, deputy] of roll.entries()) {
      const { token } = await checkIn(w.deps, w.clerkA, followUp.id, {
        deputyId: deputy.id,
        form: 'electronic',
      });
      await castBallot(w.deps, token!, { marks: approve([B, C, D], i < 8 ? [B, C] : [B, D]) });
    }
    const settled = (await closeSession(w.deps, w.coordinator, followUp.id)).result!;
    expect(settled.elected.map((e) => e.candidateId)).toEqual([B, C]);
    expect(await statuses(five)).toEqual(['elected', 'elected', 'elected', 'not_elected', 'not_elected']);
    const all = await electedCandidates(w.deps, w.coordinator, REGION, YEAR);
    expect(all.pending).toEqual([]);
    expect(all.items.map((e) => e.candidateId)).toEqual(expect.arrayContaining([A, B, C]));
  });
});
