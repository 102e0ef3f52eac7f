import { describe, expect, it } from 'vitest';
import { batched, PhoneLedger, type RecentLoader } from './intake-limits';

const NOW = new Date('2026-11-20T02:00:00Z');
const HOUR = 3_600_000;

describe('batched lookups', () => {
  it('asks once for every key asked in the same turn, each key once', async () => {
    const calls: string[][] = [];
    const lookup = batched(async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'b').map((k) => [k, k.toUpperCase()]));
    });
    expect(await Promise.all([lookup('a'), lookup('b'), lookup('a')])).toEqual(['A', undefined, 'A']);
    expect(calls).toEqual([['a', 'b']]);
    expect(await lookup('c')).toBe('C');
    expect(calls).toHaveLength(2);
  });
});

describe('the phone ledger', () => {
  it('reads each phone from the database once, then counts what this process takes, by code', async () => {
    const asked: string[][] = [];
    const load: RecentLoader = async (phones) => {
      asked.push(phones);
      return phones.includes('13800000001')
        ? [
            {
              phone: '13800000001',
              trackingCode: 'AAAA-AAAA',
              createdAt: new Date(NOW.getTime() - 2 * HOUR),
            },
            {
              phone: '13800000001',
              trackingCode: 'BBBB-BBBB',
              createdAt: new Date(NOW.getTime() - 30 * HOUR),
            },
          ]
        : [];
    };
    const ledger = new PhoneLedger(load, () => NOW);
    await Promise.all([ledger.ensureFresh('13800000001'), ledger.ensureFresh('13900000002')]);
    expect(asked).toEqual([['13800000001', '13900000002']]);
    expect(ledger.count('13800000001', NOW.getTime())).toBe(1); // the one 30 hours ago no longer counts
    expect(ledger.count('13900000002', NOW.getTime())).toBe(0);

    ledger.note('13800000001', 'CCCC-CCCC', NOW.getTime());
    ledger.note('13800000001', 'AAAA-AAAA', NOW.getTime() - 2 * HOUR); // the same row seen again
    expect(ledger.count('13800000001', NOW.getTime())).toBe(2);
    await ledger.ensureFresh('13800000001'); // read lately: not again
    expect(asked).toHaveLength(1);
    ledger.forget('13800000001', 'CCCC-CCCC');
    expect(ledger.count('13800000001', NOW.getTime())).toBe(1);
    expect(ledger.count('13800000001', NOW.getTime() + 23 * HOUR)).toBe(0);
  });

  it('reads a phone again after the refresh time and merges instead of counting twice', async () => {
    let rows = [{ phone: '13800000003', trackingCode: 'DDDD-DDDD', createdAt: NOW }];
    const ledger = new PhoneLedger(
      async () => rows,
      () => NOW,
      0,
    );
    await ledger.ensureFresh('13800000003');
    ledger.note('13800000003', 'EEEE-EEEE', NOW.getTime());
    rows = [...rows, { phone: '13800000003', trackingCode: 'EEEE-EEEE', createdAt: NOW }];
    await ledger.ensureFresh('13800000003');
    expect(ledger.count('13800000003', NOW.getTime())).toBe(2);
  });
});
