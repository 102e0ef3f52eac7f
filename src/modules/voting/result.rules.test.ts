import { describe, expect, it } from 'vitest';
import { type SessionResult, storedResult } from './result.rules';

describe('storedResult', () => {
  it('numbers a result counted before ballot numbers were stored from its ballot order, not the draft 序号', () => {
    // A further vote on three tied candidates, 序号 4, 9 and 13 in the draft: its ballot reads 1, 2, 3.
    const ref = (id: string, seq: number) => ({ candidateId: id, seq, name: `项目${seq}` });
    const old = {
      candidates: [
        { ...ref('a', 4), yes: 20, passed: true, outcome: 'elected', outcomeLabel: '当选' },
        { ...ref('b', 9), yes: 12, passed: true, outcome: 'not_elected', outcomeLabel: '未当选' },
        { ...ref('c', 13), yes: 18, passed: true, outcome: 'elected', outcomeLabel: '当选' },
      ],
      elected: [ref('a', 4), ref('c', 13)],
      tied: [],
    } as unknown as SessionResult;
    const result = storedResult(old);
    expect(result.candidates.map((c) => [c.ballotNo, c.seq])).toEqual([
      [1, 4],
      [2, 9],
      [3, 13],
    ]);
    expect(result.elected.map((c) => c.ballotNo)).toEqual([1, 3]);
  });
});
