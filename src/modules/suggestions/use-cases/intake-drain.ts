import type { Db } from '../../../db/client';
import { insertJsonRows } from '../../../db/json-batches';
import { writeTransaction } from '../../../db/transaction';
import { PUBLIC_ACTOR } from '../suggestions.policy';
import { suggestionsByCodes } from '../suggestions.repository';
import { suggestions } from '../suggestions.tables';

/** A resident's suggestion as the intake journal keeps it until it is in the table. */
export interface JournaledSuggestion {
  trackingCode: string;
  planYearId: string;
  regionCode: string;
  regionName: string;
  year: number;
  field: string | null;
  text: string;
  name: string | null;
  phone: string | null;
  /** The server's time of the submission (ISO). */
  submittedAt: string;
}

export interface DrainOutcome {
  /** Inserted now. */
  added: number;
  /** Already in the table (an earlier drain committed, then the process died before it said so). */
  present: number;
  /** Their tracking code is in the table for another suggestion: set aside, not inserted. */
  clashes: JournaledSuggestion[];
}

/**
 * Moves journaled suggestions into the table in one transaction, as `public:web` for the audit log.
 * Idempotent by tracking code: an entry whose code is already there with the same text and time is
 * skipped, so replaying a journal after a crash adds each suggestion exactly once.
 */
export async function drainJournaledSuggestions(
  db: Db,
  entries: JournaledSuggestion[],
): Promise<DrainOutcome> {
  const unique = [...new Map(entries.map((e) => [e.trackingCode, e])).values()];
  return writeTransaction(db, PUBLIC_ACTOR, async (tx) => {
    const stored = new Map(
      (
        await suggestionsByCodes(
          tx,
          unique.map((e) => e.trackingCode),
        )
      ).map((r) => [r.trackingCode, r]),
    );
    const fresh: JournaledSuggestion[] = [];
    const clashes: JournaledSuggestion[] = [];
    for (const e of unique) {
      const row = stored.get(e.trackingCode);
      if (!row) fresh.push(e);
      else if (
        row.planYearId !== e.planYearId ||
        row.text !== e.text ||
        row.submittedAt?.getTime() !== new Date(e.submittedAt).getTime()
      )
        clashes.push(e);
    }
    await insertJsonRows(
      tx,
      suggestions,
      fresh.map((e) => ({
        planYearId: e.planYearId,
        channel: 'web',
        text: e.text,
        submittedAt: new Date(e.submittedAt),
        regionCode: e.regionCode,
        residentName: e.name,
        phone: e.phone,
        field: e.field,
        trackingCode: e.trackingCode,
        createdAt: new Date(e.submittedAt),
      })),
    );
    return { added: fresh.length, present: unique.length - fresh.length - clashes.length, clashes };
  });
}
