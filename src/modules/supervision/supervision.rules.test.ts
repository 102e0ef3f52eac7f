import { describe, expect, it } from 'vitest';
import {
  deadlines13710,
  laggingReason,
  orderNumber,
  refusalOf,
  type Step,
  supervisionState,
} from './supervision.rules';

const issued: Step = { kind: 'issued', on: '2023-06-05' };

describe('the 13710 deadlines', () => {
  it('give an ordinary matter the same day, 3 days and 7 days', () => {
    expect(deadlines13710('2023-06-05', 'ordinary')).toEqual({
      acknowledge: '2023-06-05',
      measures: '2023-06-08',
      resolve: '2023-06-12',
    });
  });

  it('give a major matter a month, to the month’s last day when it is shorter', () => {
    expect(deadlines13710('2023-06-05', 'major').resolve).toBe('2023-07-05');
    expect(deadlines13710('2024-01-31', 'major').resolve).toBe('2024-02-29');
    expect(deadlines13710('2023-12-28', 'ordinary').resolve).toBe('2024-01-04');
  });
});

describe('an order’s state, folded from its steps', () => {
  it('waits for acknowledgement on the day it is issued, and is not yet overdue', () => {
    const s = supervisionState('ordinary', [issued], '2023-06-05');
    expect(s.stage).toBe('awaiting_ack');
    expect(s.dueOn).toBe('2023-06-05');
    expect(s.overdueDays).toBe(0);
    expect(s.escalation).toBeNull();
  });

  it('escalates an unacknowledged order: 催办 the next day, 通报 from the third, 提级督办 from the seventh', () => {
    const on = (today: string) => supervisionState('ordinary', [issued], today);
    expect(on('2023-06-06')).toMatchObject({ overdueDays: 1, escalation: { level: 1, label: '催办' } });
    expect(on('2023-06-07').escalation?.label).toBe('催办');
    expect(on('2023-06-08')).toMatchObject({ overdueDays: 3, escalation: { level: 2, label: '通报' } });
    expect(on('2023-06-11').escalation?.label).toBe('通报');
    expect(on('2023-06-12')).toMatchObject({ overdueDays: 7, escalation: { level: 3, label: '提级督办' } });
    expect(on('2023-09-01').escalation?.level).toBe(3);
  });

  it('moves through acknowledge → measures → resolution → closed, each deadline counted from the issue', () => {
    const steps: Step[] = [
      issued,
      { kind: 'acknowledged', on: '2023-06-05' },
      { kind: 'measures', on: '2023-06-07' },
    ];
    const working = supervisionState('ordinary', steps, '2023-06-09');
    expect(working).toMatchObject({ stage: 'in_progress', dueOn: '2023-06-12', overdueDays: 0 });
    const reported = supervisionState(
      'ordinary',
      [...steps, { kind: 'resolution', on: '2023-06-11' }],
      '2023-06-20',
    );
    // Waiting on the issuer is not the unit's delay.
    expect(reported).toMatchObject({
      stage: 'awaiting_review',
      dueOn: null,
      overdueDays: 0,
      escalation: null,
    });
    const closed = supervisionState(
      'ordinary',
      [
        ...steps,
        { kind: 'resolution', on: '2023-06-11' },
        { kind: 'closed', on: '2023-06-13', grade: '良好' },
      ],
      '2023-12-31',
    );
    expect(closed).toMatchObject({ stage: 'closed', grade: '良好', closedOn: '2023-06-13', overdueDays: 0 });
    expect(closed.milestones.map((m) => [m.key, m.doneOn, m.late])).toEqual([
      ['acknowledge', '2023-06-05', false],
      ['measures', '2023-06-07', false],
      ['resolve', '2023-06-11', false],
      ['review', '2023-06-13', false],
    ]);
  });

  it('marks a step done after its deadline as late, and keeps counting from the issue', () => {
    const s = supervisionState(
      'ordinary',
      [issued, { kind: 'acknowledged', on: '2023-06-07' }],
      '2023-06-09',
    );
    expect(s.milestones[0]).toMatchObject({ doneOn: '2023-06-07', late: true });
    // Measures were due on the 8th whatever day it was acknowledged.
    expect(s).toMatchObject({ stage: 'awaiting_measures', dueOn: '2023-06-08', overdueDays: 1 });
    expect(s.milestones[1]).toMatchObject({ doneOn: null, late: true });
  });

  it('lets a major matter set a dated plan with its measures, which becomes the resolve deadline', () => {
    const s = supervisionState(
      'major',
      [
        issued,
        { kind: 'acknowledged', on: '2023-06-05' },
        { kind: 'measures', on: '2023-06-08', dueOn: '2023-09-30' },
      ],
      '2023-08-01',
    );
    expect(s).toMatchObject({ stage: 'in_progress', dueOn: '2023-09-30', overdueDays: 0 });
    expect(supervisionState('major', [issued], '2023-06-05').deadlines.resolve).toBe('2023-07-05');
  });

  it('settles an ordinary matter within 3 days with one report, measures and resolution together', () => {
    const s = supervisionState(
      'ordinary',
      [issued, { kind: 'acknowledged', on: '2023-06-05' }, { kind: 'resolution', on: '2023-06-06' }],
      '2023-06-06',
    );
    expect(s.stage).toBe('awaiting_review');
    expect(s.milestones[1]).toMatchObject({ doneOn: '2023-06-06', late: false });
  });

  it('gives a sent-back order 7 more days, or the date the issuer set, and counts the rounds', () => {
    const base: Step[] = [
      issued,
      { kind: 'acknowledged', on: '2023-06-05' },
      { kind: 'measures', on: '2023-06-06' },
      { kind: 'resolution', on: '2023-06-10' },
    ];
    const back = supervisionState(
      'ordinary',
      [...base, { kind: 'returned', on: '2023-06-12', grade: '不合格' }],
      '2023-06-12',
    );
    expect(back).toMatchObject({ stage: 'in_progress', dueOn: '2023-06-19', rounds: 1, grade: null });
    expect(back.milestones[2]).toMatchObject({ doneOn: null, dueOn: '2023-06-19' });
    const dated = supervisionState(
      'ordinary',
      [...base, { kind: 'returned', on: '2023-06-12', dueOn: '2023-06-30' }],
      '2023-07-02',
    );
    expect(dated).toMatchObject({ dueOn: '2023-06-30', overdueDays: 2, escalation: { label: '催办' } });
  });

  it('counts reminders without moving the stage', () => {
    const s = supervisionState(
      'ordinary',
      [issued, { kind: 'reminded', on: '2023-06-06' }, { kind: 'reminded', on: '2023-06-07' }],
      '2023-06-07',
    );
    expect(s).toMatchObject({ stage: 'awaiting_ack', reminders: 2 });
  });
});

describe('which step may be taken', () => {
  const at = (steps: Step[]) => supervisionState('ordinary', steps, '2023-06-06');
  const acked = [issued, { kind: 'acknowledged', on: '2023-06-05' } as Step];

  it('takes each step only in its stage', () => {
    expect(refusalOf(at([issued]), 'ordinary', { kind: 'acknowledged', on: '2023-06-05' })).toBeNull();
    expect(refusalOf(at([issued]), 'ordinary', { kind: 'measures', on: '2023-06-05' })).toBe('WRONG_STAGE');
    expect(refusalOf(at([issued]), 'ordinary', { kind: 'resolution', on: '2023-06-05' })).toBe('WRONG_STAGE');
    expect(refusalOf(at(acked), 'ordinary', { kind: 'acknowledged', on: '2023-06-06' })).toBe('WRONG_STAGE');
    expect(refusalOf(at(acked), 'ordinary', { kind: 'resolution', on: '2023-06-06' })).toBeNull();
    expect(refusalOf(at(acked), 'ordinary', { kind: 'closed', on: '2023-06-06', grade: '良好' })).toBe(
      'WRONG_STAGE',
    );
    expect(refusalOf(at(acked), 'ordinary', { kind: 'issued', on: '2023-06-06' })).toBe('WRONG_STAGE');
  });

  it('lets the issuer close with a passing grade or send back, once the resolution is reported', () => {
    const reported = at([...acked, { kind: 'resolution', on: '2023-06-06' }]);
    expect(refusalOf(reported, 'ordinary', { kind: 'closed', on: '2023-06-06', grade: '优秀' })).toBeNull();
    expect(refusalOf(reported, 'ordinary', { kind: 'closed', on: '2023-06-06', grade: '不合格' })).toBe(
      'GRADE_INVALID',
    );
    expect(refusalOf(reported, 'ordinary', { kind: 'closed', on: '2023-06-06' })).toBe('GRADE_INVALID');
    expect(refusalOf(reported, 'ordinary', { kind: 'returned', on: '2023-06-06' })).toBeNull();
    expect(refusalOf(reported, 'ordinary', { kind: 'returned', on: '2023-06-06', dueOn: '2023-06-01' })).toBe(
      'PLAN_DATE_EARLY',
    );
    expect(refusalOf(reported, 'ordinary', { kind: 'reminded', on: '2023-06-06' })).toBe('WRONG_STAGE');
  });

  it('takes a dated plan for a major matter only, and not in the past', () => {
    expect(
      refusalOf(at(acked), 'ordinary', { kind: 'measures', on: '2023-06-06', dueOn: '2023-08-01' }),
    ).toBe('PLAN_DATE_ORDINARY');
    const major = supervisionState('major', acked, '2023-06-06');
    expect(refusalOf(major, 'major', { kind: 'measures', on: '2023-06-06', dueOn: '2023-08-01' })).toBeNull();
    expect(refusalOf(major, 'major', { kind: 'measures', on: '2023-06-06', dueOn: '2023-06-01' })).toBe(
      'PLAN_DATE_EARLY',
    );
  });

  it('refuses every step on a closed order', () => {
    const closed = at([
      ...acked,
      { kind: 'resolution', on: '2023-06-06' },
      { kind: 'closed', on: '2023-06-06', grade: '合格' },
    ]);
    for (const kind of [
      'acknowledged',
      'measures',
      'resolution',
      'returned',
      'closed',
      'reminded',
    ] as const) {
      expect(refusalOf(closed, 'ordinary', { kind, on: '2023-06-07', grade: '合格' })).toBe('WRONG_STAGE');
    }
  });
});

describe('the words of an order', () => {
  it('numbers it as the documents do', () => {
    expect(orderNumber(2023, 3)).toBe('督〔2023〕3号');
  });

  it('prefills the reason of a lagging project with its rates against the plan, or 序时 without one', () => {
    const p = { name: '城区集中供热管网改造', completion: 0.35, elapsed: 0.581 };
    expect(laggingReason({ ...p, planned: null })).toMatch(
      /^“城区集中供热管网改造”完成率35%，低于序时进度58.1%，进度滞后。/,
    );
    expect(laggingReason({ ...p, planned: 0.5 })).toMatch(/完成率35%，低于计划进度50%，进度滞后。/);
    expect(laggingReason({ ...p, planned: 0.9, severe: true })).toMatch(/低于计划进度90%，进度严重滞后。/);
  });
});
