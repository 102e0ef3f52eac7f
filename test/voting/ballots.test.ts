/**
 * The deputy's side: a token opens the ballot, casts it once, and a retry gets the first receipt
 * back. Unknown, used and closed-session tokens are refused with a named error and nothing is
 * recorded; an over-full ballot is taken and counted void (the default rule) or refused (a rule that
 * hands such ballots back); concurrent submissions and a close racing them count each ballot once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotsOf } from '../../src/modules/voting/ballot-box.repository';
import { newBallotToken } from '../../src/modules/voting/ballot-secrets';
import {
  castBallot,
  lookUpReceipt,
  readBallot,
  verifyBallots,
} from '../../src/modules/voting/use-cases/ballots';
import { closeSession } from '../../src/modules/voting/use-cases/results';
import { getSession } from '../../src/modules/voting/use-cases/sessions';
import { testDatabaseKinds } from '../support/databases';
import { approve, type OpenedSession, openedSession, openVotingWorld, type VotingWorld } from './support';

const RECEIPT = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

describe.each(testDatabaseKinds())('casting ballots on $name', (kind) => {
  let w: VotingWorld;
  let s: OpenedSession;
  beforeAll(async () => {
    w = await openVotingWorld(kind);
    s = await openedSession(w, { seats: 12, rollSize: 60, present: 50 });
  }, 120_000);
  afterAll(() => w?.close());

  const twelve = () => w.candidateIds.slice(0, 12);
  const ballotCount = async (id = s.id) => (await ballotsOf(w.database.db, id)).length;

  it('opens the ballot a token was issued for: every candidate, the seats and the rule', async () => {
    const ballot = await readBallot(w.deps, s.tokens[0]!.toLowerCase());
    expect(ballot).toMatchObject({
      seats: 12,
      method: 'approval',
      maxYes: 12,
      overfull: 'void',
      maxRanked: null,
    });
    expect(ballot.session).toMatchObject({ congress: '沁水县第十七届人民代表大会', sitting: '第四次会议' });
    expect(ballot.candidates.map((c) => c.name)).toEqual(w.candidateNames);
    expect(ballot.ruleText[0]).toBe(
      '对每个候选项目选择赞成、反对或弃权，赞成不得超过 12 项，超过的选票为无效票；未选择的视为弃权',
    );
  });

  it('casts once and answers a retry with the same token with the first receipt, not a second ballot', async () => {
    const marks = approve(w.candidateIds, twelve());
    const first = await castBallot(w.deps, s.tokens[0]!, { marks });
    expect(first.receipt).toMatch(RECEIPT);
    expect(first).toMatchObject({ repeated: false, message: expect.stringContaining('投票成功') });
    const retry = await castBallot(w.deps, s.tokens[0]!.replace(/-/g, ' '), { marks });
    expect(retry).toMatchObject({ receipt: first.receipt, repeated: true });
    expect(retry.message).toBe('该选票此前已成功投出，以下为当时的回执码');
    expect(await ballotCount()).toBe(1);
    const receipt = await lookUpReceipt(w.deps, first.receipt.toLowerCase());
    expect(receipt).toMatchObject({ status: 'received', message: '您的选票已收到并记入选票记录，等待计票' });
    expect(receipt.choices).toBeNull();
  });

  it('counts one ballot when the same token arrives many times at once (double taps, retries)', async () => {
    const marks = approve(w.candidateIds, twelve());
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => castBallot(w.deps, s.tokens[1]!, { marks })),
    );
    expect(new Set(answers.map((a) => a.receipt)).size).toBe(1);
    expect(answers.filter((a) => !a.repeated)).toHaveLength(1);
    expect(await ballotCount()).toBe(2);
  });

  it('refuses to change a cast ballot, and to open a used token', async () => {
    await expect(
      castBallot(w.deps, s.tokens[0]!, { marks: approve(w.candidateIds, w.candidateIds.slice(3, 15)) }),
    ).rejects.toMatchObject({ code: 'BALLOT_ALREADY_CAST', message: '该选票已经投出，不能再次投票或修改' });
    await expect(readBallot(w.deps, s.tokens[0]!)).rejects.toMatchObject({ code: 'BALLOT_ALREADY_CAST' });
    expect(await ballotCount()).toBe(2);
  });

  it('refuses unknown and malformed tokens, naming the field', async () => {
    await expect(castBallot(w.deps, newBallotToken(), { marks: {} })).rejects.toMatchObject({
      code: 'BALLOT_TOKEN_INVALID',
      field: 'token',
      message: '选票凭证无效，请核对二维码或凭证码',
    });
    await expect(readBallot(w.deps, 'ABCD-1234')).rejects.toMatchObject({
      code: 'BALLOT_TOKEN_INVALID',
      field: 'token',
      message: '选票凭证格式不正确：应为 32 位字母和数字，请扫描选票上的二维码',
    });
  });

  it('takes a ballot with more 赞成 than seats under the default rule, says it is void, and counts it void', async () => {
    const crowd = await openedSession(w, { seats: 12, rollSize: 5, present: 4 });
    const over = approve(w.candidateIds, w.candidateIds.slice(0, 13));
    const answer = await castBallot(w.deps, crowd.tokens[0]!, { marks: over });
    expect(answer).toMatchObject({
      repeated: false,
      voidReason: '赞成 13 项，超过应选名额 12 项，为无效票',
      message:
        '投票成功。请保存回执码，计票公布后可凭回执码查验您的选票已被计入。注意：本票赞成 13 项，超过应选名额 12 项，为无效票，计入收回票数，但不计入各项目得票',
    });
    // A retry after a lost answer gets the same receipt and the same warning, not a second ballot.
    const retry = await castBallot(w.deps, crowd.tokens[0]!, { marks: over });
    expect(retry).toMatchObject({ receipt: answer.receipt, repeated: true, voidReason: answer.voidReason });
    for (const token of crowd.tokens.slice(1)) {
      const ok = await castBallot(w.deps, token, { marks: approve(w.candidateIds, twelve()) });
      expect(ok.voidReason).toBeNull();
    }
    expect(await ballotCount(crowd.id)).toBe(4);
    expect((await lookUpReceipt(w.deps, answer.receipt)).message).toBe(
      '您的选票已收到并记入选票记录，等待计票；该票赞成 13 项，超过应选名额 12 项，为无效票',
    );
    await closeSession(w.deps, w.coordinator, crowd.id);
    const { result } = await getSession(w.deps, w.coordinator, crowd.id);
    expect(result).toMatchObject({ returned: 4, validBallots: 3, voidBallots: 1 });
    expect(result!.voided).toEqual([
      {
        ballot: expect.stringMatching(/^回执 [0-9a-f]{12}$/),
        reason: '赞成 13 项，超过应选名额 12 项，为无效票',
      },
    ]);
    // The void ballot's marks count for nobody: the 13th candidate got no 赞成 at all.
    expect(result!.candidates[12]).toMatchObject({ yes: 0, no: 3 });
    expect(result!.candidates[0]).toMatchObject({ yes: 3 });
    expect((await lookUpReceipt(w.deps, answer.receipt)).message).toBe(
      '您的选票已计入收回票数；该票赞成 13 项，超过应选名额 12 项，为无效票，不计入各项目得票',
    );
  });

  it('refuses more 赞成 than seats with BALLOT_TOO_MANY_YES when the rule hands such ballots back, records nothing, and lets the deputy choose again', async () => {
    const strict = await openedSession(w, {
      seats: 12,
      rollSize: 5,
      present: 3,
      rule: { method: 'approval', overfull: 'refuse' },
    });
    expect(await readBallot(w.deps, strict.tokens[0]!)).toMatchObject({
      overfull: 'refuse',
      ruleText: expect.arrayContaining([
        '对每个候选项目选择赞成、反对或弃权，赞成不得超过 12 项，超过的选票不予接收，须重新选择；未选择的视为弃权',
      ]),
    });
    const token = strict.tokens[2]!;
    await expect(
      castBallot(w.deps, token, { marks: approve(w.candidateIds, w.candidateIds.slice(0, 13)) }),
    ).rejects.toMatchObject({
      code: 'BALLOT_TOO_MANY_YES',
      field: 'marks',
      message: '赞成 13 项，超过应选名额 12 项，本票未记录，请重新选择',
      details: { yes: 13, maxYes: 12 },
    });
    expect(await ballotCount(strict.id)).toBe(0);
    const unknown = { ...approve(w.candidateIds, []), 'not-a-candidate': 'yes' };
    await expect(castBallot(w.deps, token, { marks: unknown })).rejects.toMatchObject({
      code: 'BALLOT_INVALID',
      message: '选票中的项目（not-a-candidate）不是本次候选项目，本票未记录',
    });
    await expect(
      castBallot(w.deps, token, { marks: { [w.candidateIds[0]!]: '同意' } }),
    ).rejects.toMatchObject({
      code: 'BALLOT_INVALID',
      message: '“口袋公园建设项目”的选择“同意”无法识别，应为赞成、反对或弃权，本票未记录',
    });
    // Unmarked candidates are 弃权; Chinese words are read as the marks.
    const ok = await castBallot(w.deps, token, { marks: { [w.candidateIds[0]!]: '赞成' } });
    expect(ok).toMatchObject({ repeated: false, voidReason: null });
    const [stored] = await ballotsOf(w.database.db, strict.id);
    expect(Object.values(stored!.choices).filter((m) => m === 'yes')).toHaveLength(1);
    expect(Object.values(stored!.choices).filter((m) => m === 'abstain')).toHaveLength(14);
    await closeSession(w.deps, w.coordinator, strict.id);
    expect((await getSession(w.deps, w.coordinator, strict.id)).result).toMatchObject({
      returned: 1,
      voidBallots: 0,
    });
  });

  it('lets a rule without a 赞成 limit take a ballot approving every candidate', async () => {
    const free = await openedSession(w, {
      seats: 12,
      rollSize: 5,
      present: 3,
      rule: { method: 'approval', maxYes: null },
    });
    const all = await castBallot(w.deps, free.tokens[0]!, { marks: approve(w.candidateIds, w.candidateIds) });
    expect(all.repeated).toBe(false);
  });

  it('acknowledges every ballot of a crowd exactly once while the session is closed under it', async () => {
    const race = await openedSession(w, { seats: 12, rollSize: 40, present: 40 });
    const marks = approve(w.candidateIds, twelve());
    const casts = race.tokens.map((token, i) =>
      new Promise((r) => setTimeout(r, i % 10)).then(() => castBallot(w.deps, token, { marks })),
    );
    const closing = new Promise((r) => setTimeout(r, 4)).then(() =>
      closeSession(w.deps, w.coordinator, race.id),
    );
    const outcomes = await Promise.allSettled(casts);
    await closing;
    const acknowledged = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'BALLOT_SESSION_CLOSED' });
    const view = await getSession(w.deps, w.coordinator, race.id);
    expect(view.result!.returned).toBe(acknowledged.length);
    expect(await ballotCount(race.id)).toBe(acknowledged.length);
    expect(await verifyBallots(w.database.db, race.id)).toMatchObject({
      ok: true,
      checked: acknowledged.length,
    });
    // After the close an unused token is refused; an acknowledged one still gets its receipt.
    const unused = race.tokens.filter((_, i) => outcomes[i]!.status === 'rejected');
    if (unused.length) {
      await expect(castBallot(w.deps, unused[0]!, { marks })).rejects.toMatchObject({
        code: 'BALLOT_SESSION_CLOSED',
        message: '投票已结束，不再接受选票',
      });
    }
    const usedIndex = outcomes.findIndex((o) => o.status === 'fulfilled');
    if (usedIndex >= 0) {
      const again = await castBallot(w.deps, race.tokens[usedIndex]!, { marks });
      expect(again).toMatchObject({
        repeated: true,
        receipt: (outcomes[usedIndex] as PromiseFulfilledResult<{ receipt: string }>).value.receipt,
      });
    }
    await expect(readBallot(w.deps, unused[0] ?? race.tokens[0]!)).rejects.toMatchObject({
      code: unused.length ? 'BALLOT_SESSION_CLOSED' : 'BALLOT_ALREADY_CAST',
    });
  });
});
