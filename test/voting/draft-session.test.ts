/**
 * Editing a session while it is in preparation (筹备中): name, congress and sitting, seats, the rule
 * and the candidate list can all change, checked as at creation; once the session opens nothing can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn } from '../../src/modules/voting/use-cases/attendance';
import { readBallot } from '../../src/modules/voting/use-cases/ballots';
import { getRoll, setRoll } from '../../src/modules/voting/use-cases/roll';
import {
  createSession,
  getSession,
  openSession,
  type SessionView,
  updateDraftSession,
} from '../../src/modules/voting/use-cases/sessions';
import { testDatabaseKinds } from '../support/databases';
import { CONGRESS, openVotingWorld, REGION, roll, type VotingWorld, YEAR } from './support';

describe.each(testDatabaseKinds())('editing a draft voting session on $name', (kind) => {
  let w: VotingWorld;
  let draft: SessionView;
  beforeAll(async () => {
    w = await openVotingWorld(kind);
    draft = await createSession(w.deps, w.coordinator, REGION, YEAR, {
      congress: CONGRESS,
      sitting: '第三次会议',
      seats: 12,
    });
  }, 120_000);
  afterAll(() => w?.close());

  const current = () => getSession(w.deps, w.coordinator, draft.id);

  it('changes every setting, and shows the new rule in words', async () => {
    const five = [
      w.candidateIds[4]!,
      w.candidateIds[0]!,
      w.candidateIds[2]!,
      w.candidateIds[1]!,
      w.candidateIds[3]!,
    ];
    const edited = await updateDraftSession(w.deps, w.coordinator, draft.id, {
      congress: '沁水县第十八届人民代表大会',
      sitting: '第一次会议',
      title: '2024年民生实事项目票决（试行）',
      seats: 3,
      candidateIds: five,
      rule: {
        method: 'approval',
        overfull: 'refuse',
        quorum: { numerator: 2, denominator: 3, inclusive: true },
      },
    });
    expect(edited).toMatchObject({
      id: draft.id,
      state: 'draft',
      congress: '沁水县第十八届人民代表大会',
      sitting: '第一次会议',
      title: '2024年民生实事项目票决（试行）',
      seats: 3,
      rule: {
        method: 'approval',
        maxYes: 3,
        overfull: 'refuse',
        quorum: { numerator: 2, denominator: 3, inclusive: true },
        threshold: { numerator: 1, denominator: 2, inclusive: false },
      },
    });
    // The ballot order is the order given, not the 序号.
    expect(edited.candidates.map((c) => c.id)).toEqual(five);
    expect(edited.ruleText).toEqual([
      '对每个候选项目选择赞成、反对或弃权，赞成不得超过 3 项，超过的选票不予接收，须重新选择；未选择的视为弃权',
      '出席代表须达到全体代表的三分之二，表决方有效',
      '赞成票超过全体代表的半数为通过，通过的项目按得票多少确定，得票相同且超出名额的另行表决',
    ]);
    expect(await current()).toEqual(edited);
  });

  it('keeps what a partial edit does not name', async () => {
    const edited = await updateDraftSession(w.deps, w.coordinator, draft.id, { sitting: '第四次会议' });
    expect(edited).toMatchObject({
      congress: '沁水县第十八届人民代表大会',
      sitting: '第四次会议',
      seats: 3,
      rule: { overfull: 'refuse' },
    });
    expect(edited.candidates).toHaveLength(5);
  });

  it('refuses a setting the vote could not hold, naming the field, and changes nothing', async () => {
    const before = await current();
    await expect(updateDraftSession(w.deps, w.coordinator, draft.id, { seats: 5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'seats',
      message: '差额票决须候选项目多于应选名额：候选 5 项，应选 5 项',
    });
    await expect(
      updateDraftSession(w.deps, w.coordinator, draft.id, {
        candidateIds: [w.candidateIds[0]!, w.candidateIds[1]!, w.candidateIds[0]!, w.candidateIds[3]!],
      }),
    ).rejects.toMatchObject({
      code: 'VOTING_CANDIDATE_INVALID',
      field: 'candidateIds.2',
      message: '第 3 个候选项目与第 1 个重复',
    });
    await expect(
      updateDraftSession(w.deps, w.coordinator, draft.id, {
        candidateIds: [...w.candidateIds.slice(0, 4), '00000000-0000-4000-8000-000000000000'],
      }),
    ).rejects.toMatchObject({ code: 'VOTING_CANDIDATE_INVALID', field: 'candidateIds.4' });
    await expect(
      updateDraftSession(w.deps, w.coordinator, draft.id, { rule: { method: 'ranking', overfull: 'void' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'rule.overfull' });
    expect(await current()).toEqual(before);
  });

  it('lets only the county coordinator edit', async () => {
    for (const actor of [w.deputy, w.otherCounty, w.clerkA]) {
      await expect(
        updateDraftSession(w.deps, actor, draft.id, { sitting: '第五次会议' }),
      ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    }
    expect((await current()).sitting).toBe('第四次会议');
  });

  it('opens with the edited settings: the ballot shows them', async () => {
    await setRoll(w.deps, w.coordinator, draft.id, roll(6));
    await openSession(w.deps, w.coordinator, draft.id);
    const [deputy] = (await getRoll(w.deps, w.coordinator, draft.id)).items;
    const issued = await checkIn(w.deps, w.clerkA, draft.id, { deputyId: deputy!.id, form: 'electronic' });
    const ballot = await readBallot(w.deps, issued.token!);
    expect(ballot).toMatchObject({
      seats: 3,
      maxYes: 3,
      overfull: 'refuse',
      session: { congress: '沁水县第十八届人民代表大会', sitting: '第四次会议' },
    });
    expect(ballot.candidates.map((c) => c.id)).toEqual((await current()).candidates.map((c) => c.id));
  });

  it('refuses any edit once the session has opened, with a stable error, and changes nothing', async () => {
    const before = await current();
    await expect(updateDraftSession(w.deps, w.coordinator, draft.id, { seats: 2 })).rejects.toMatchObject({
      code: 'VOTING_SESSION_NOT_DRAFT',
      message: '票决会议已开始，不能再修改设置或代表名单',
    });
    expect(await current()).toEqual(before);
  });
});

describe.each(testDatabaseKinds())('the ballot holds only the approved shortlist, on $name', (kind) => {
  let w: VotingWorld;
  beforeAll(async () => {
    // The screening took 序号 14 and 15 off the list before both meetings approved it.
    w = await openVotingWorld(kind, undefined, { screenedOut: [14, 15] });
  }, 120_000);
  afterAll(() => w?.close());

  it('opens on the thirteen approved by default, and refuses a screened-out candidate named by id', async () => {
    const session = await createSession(w.deps, w.coordinator, REGION, YEAR, {
      congress: CONGRESS,
      sitting: '第四次会议',
      seats: 12,
    });
    expect(session.candidates.map((c) => c.id)).toEqual(w.candidateIds.slice(0, 13));

    const screenedOut = w.candidateIds[13]!;
    const attempt = createSession(w.deps, w.coordinator, REGION, YEAR, {
      congress: CONGRESS,
      sitting: '第四次会议',
      seats: 2,
      candidateIds: [w.candidateIds[0]!, screenedOut, w.candidateIds[1]!],
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'VOTING_CANDIDATE_INVALID',
      field: 'candidateIds.1',
      message: `第 2 个候选项目“${w.candidateNames[13]}”不在经审定的票决候选清单上，不能列入选票`,
    });
    const edit = updateDraftSession(w.deps, w.coordinator, session.id, {
      candidateIds: [...w.candidateIds.slice(0, 13), w.candidateIds[14]!],
    });
    await expect(edit).rejects.toMatchObject({ code: 'VOTING_CANDIDATE_INVALID', field: 'candidateIds.13' });
    // Nothing changed by the refused edit.
    expect((await getSession(w.deps, w.coordinator, session.id)).candidates).toHaveLength(13);
  });
});
