import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { PHOTO_MAX_BYTES, type PhotoType, photoTypeOf, stripPhotoMetadata } from '../../progress/photo.rules';
import { cachedWindow } from '../intake-limits';
import { intakeOf, phoneLimitReached, type SuggestionIntake } from '../suggestion-intake';
import { CHANNEL_LABELS, type Channel, trackingCode } from '../suggestion-sheet.rules';
import { mayManageSuggestions, PUBLIC_ACTOR } from '../suggestions.policy';
import {
  answersOf,
  lockPhone,
  type PlanYearRef,
  planYearById,
  planYearByRegion,
  recentByPhones,
  requirePlanYear,
  suggestionByCode,
  trackingCodeTaken,
  type WindowRow,
  windowOf,
} from '../suggestions.repository';
import { suggestionPhotos, suggestions } from '../suggestions.tables';
import {
  chinaDate,
  closedMessage,
  normalizeTrackingCode,
  PHONE_DAILY_LIMIT,
  PUBLIC_STATUS_LABELS,
  publicStatus,
  VERDICT_LABELS,
  type Verdict,
  windowState,
} from '../triage.rules';

export interface CheckedPhoto {
  contentType: PhotoType;
  bytes: Buffer;
}

/** A photo is checked by its bytes, not its name, and loses its location metadata before it is kept. */
export function checkPhoto(upload: Buffer): CheckedPhoto {
  if (upload.length > PHOTO_MAX_BYTES) throw new DomainError('PHOTO_TOO_LARGE', { field: 'photo' });
  const type = photoTypeOf(upload);
  if (!type) throw new DomainError('PHOTO_NOT_IMAGE', { field: 'photo' });
  return { contentType: type, bytes: Buffer.from(stripPhotoMetadata(upload, type)) };
}

/** A code no suggestion has, in the table or waiting in the intake journal. */
async function newTrackingCode(db: Executor, intake?: SuggestionIntake): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = trackingCode(randomBytes(8));
    if (!intake?.holds(code) && !(await trackingCodeTaken(db, code))) return code;
  }
  throw new DomainError('CONFLICT');
}

export interface PublicSubmission {
  planYearId?: string;
  regionCode?: string;
  year?: number;
  field?: string | null;
  /** Already cleaned and checked for length at the edge. */
  text: string;
  name?: string | null;
  /** Already normalised (triage.rules normalizePhone). */
  phone?: string | null;
  photo?: CheckedPhoto | null;
}

export interface SubmissionReceipt {
  trackingCode: string;
  submittedAt: string;
  regionName: string;
  year: number;
}

function refuseUnlessOpen(
  planYear: PlanYearRef | undefined,
  window: WindowRow | undefined,
  now: Date,
): asserts planYear is PlanYearRef {
  const today = chinaDate(now);
  if (!planYear || !window || windowState(window, today) !== 'open') {
    throw new DomainError('SOLICITATION_CLOSED', {
      message: closedMessage(window ?? null, today),
      details: window ? { opensOn: window.opensOn, closesOn: window.closesOn } : undefined,
    });
  }
}

/**
 * A resident's suggestion from the public page: only while the plan year's solicitation window is
 * open, and at most PHONE_DAILY_LIMIT from one phone number in 24 hours. Answers with the tracking
 * code the resident keeps to read the answer later. Where the server runs an intake journal
 * (suggestion-intake.ts) a suggestion without a photo is acknowledged once it is in the journal on
 * disk, checked against the window and the phone's count held in memory; a photo (up to 5 MB, rare)
 * goes straight into the database in its own transaction, as everything does without a journal.
 */
export async function submitSuggestion(deps: AppDeps, input: PublicSubmission): Promise<SubmissionReceipt> {
  const intake = intakeOf(deps.db);
  if (intake && !input.photo && input.regionCode && input.year) {
    const now = deps.now();
    const { planYear, window } = await cachedWindow(deps.db, input.regionCode, input.year);
    refuseUnlessOpen(planYear, window, now);
    return intake.receive(
      planYear,
      { field: input.field || null, text: input.text, name: input.name || null, phone: input.phone || null },
      now,
    );
  }
  return submitDirectly(deps, input, intake);
}

/** One transaction per suggestion; the phone's count also sees what waits in the intake journal. */
async function submitDirectly(
  deps: AppDeps,
  input: PublicSubmission,
  intake: SuggestionIntake | undefined,
): Promise<SubmissionReceipt> {
  const now = deps.now();
  let noted: { phone: string; code: string } | undefined;
  try {
    return await writeTransaction(deps.db, PUBLIC_ACTOR, async (tx) => {
      let planYear: PlanYearRef | undefined;
      if (input.planYearId) planYear = await planYearById(tx, input.planYearId);
      else if (input.regionCode && input.year)
        planYear = await planYearByRegion(tx, input.regionCode, input.year);
      refuseUnlessOpen(planYear, planYear ? await windowOf(tx, planYear.id) : undefined, now);
      const code = await newTrackingCode(tx, intake);
      if (input.phone) {
        await lockPhone(tx, input.phone);
        const rows = await recentByPhones(tx, [input.phone], new Date(now.getTime() - 86_400_000));
        let recent = rows.length;
        if (intake) {
          // Counted by code together with the journal's, and noted before anything waits again.
          for (const r of rows) intake.phones.note(r.phone, r.trackingCode, r.createdAt.getTime());
          recent = intake.phones.count(input.phone, now.getTime());
        }
        if (recent >= PHONE_DAILY_LIMIT) throw phoneLimitReached();
        if (intake) {
          intake.phones.note(input.phone, code, now.getTime());
          noted = { phone: input.phone, code };
        }
      }
      const [row] = await tx
        .insert(suggestions)
        .values({
          planYearId: planYear.id,
          channel: 'web',
          text: input.text,
          submittedAt: now,
          regionCode: planYear.regionCode,
          residentName: input.name || null,
          phone: input.phone || null,
          field: input.field || null,
          trackingCode: code,
          createdAt: now,
        })
        .returning({ id: suggestions.id });
      if (input.photo)
        await tx.insert(suggestionPhotos).values({
          suggestionId: row!.id,
          contentType: input.photo.contentType,
          size: input.photo.bytes.length,
          bytes: input.photo.bytes,
        });
      return {
        trackingCode: code,
        submittedAt: now.toISOString(),
        regionName: planYear.regionName,
        year: planYear.year,
      };
    });
  } catch (error) {
    if (noted) intake?.phones.forget(noted.phone, noted.code);
    throw error;
  }
}

export interface StaffEntry {
  channel: Channel;
  text: string;
  submittedAt?: string | null;
  externalRef?: string | null;
  name?: string | null;
  phone?: string | null;
  field?: string | null;
}

/** A suggestion from another channel (12345, a letter, WeChat, 代表码) typed in by the coordinator. */
export async function addSuggestion(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
  input: StaffEntry,
): Promise<{ id: string; trackingCode: string }> {
  if (typeof actor !== 'string' && !mayManageSuggestions(actor, regionCode))
    throw new DomainError('OUT_OF_SCOPE');
  return writeTransaction(deps.db, actor, async (tx) => {
    const planYear = await requirePlanYear(tx, regionCode, year);
    const ref = input.externalRef?.trim() || null;
    if (ref) {
      const [taken] = await tx
        .select({ id: suggestions.id })
        .from(suggestions)
        .where(and(eq(suggestions.planYearId, planYear.id), eq(suggestions.externalRef, ref)));
      if (taken)
        throw new DomainError('SUGGESTION_REF_TAKEN', {
          field: 'externalRef',
          message: `编号 ${ref} 的建议已录入`,
        });
    }
    const code = await newTrackingCode(tx, intakeOf(deps.db));
    const [row] = await tx
      .insert(suggestions)
      .values({
        planYearId: planYear.id,
        externalRef: ref,
        channel: input.channel,
        text: input.text,
        submittedAt: input.submittedAt ? new Date(input.submittedAt) : deps.now(),
        regionCode: planYear.regionCode,
        residentName: input.name || null,
        phone: input.phone || null,
        field: input.field || null,
        trackingCode: code,
        createdAt: deps.now(),
      })
      .returning({ id: suggestions.id, trackingCode: suggestions.trackingCode });
    return row!;
  });
}

export interface PublicAnswer {
  verdict: Verdict;
  verdictLabel: string;
  reason: string;
  unitName: string | null;
  answeredAt: string;
}

export interface TrackedSuggestion {
  trackingCode: string;
  /** The plan year's region by code: names repeat (many 城关镇), so links use the code. */
  regionCode: string;
  regionName: string;
  year: number;
  channelLabel: string;
  submittedAt: string | null;
  text: string;
  status: string;
  statusLabel: string;
  field: string | null;
  /** The department handling it, once the coordinator has routed it. */
  unitName: string | null;
  answer: PublicAnswer | null;
  /** Answers the current one superseded, newest first. */
  earlierAnswers: PublicAnswer[];
}

function publicAnswer(a: {
  verdict: string;
  reason: string;
  unitName: string | null;
  answeredAt: Date;
}): PublicAnswer {
  return {
    verdict: a.verdict as Verdict,
    verdictLabel: VERDICT_LABELS[a.verdict as Verdict] ?? a.verdict,
    reason: a.reason,
    unitName: a.unitName,
    answeredAt: a.answeredAt.toISOString(),
  };
}

/** What a resident reads with the tracking code: never the name or phone of anyone. */
export async function trackSuggestion(deps: AppDeps, rawCode: string): Promise<TrackedSuggestion> {
  const code = normalizeTrackingCode(rawCode);
  if (!code) throw new DomainError('SUGGESTION_NOT_FOUND');
  // Acknowledged but still in the intake journal: it reads as a stored suggestion nobody triaged yet.
  const waiting = intakeOf(deps.db)?.find(code);
  if (waiting)
    return {
      trackingCode: waiting.trackingCode,
      regionCode: waiting.regionCode,
      regionName: waiting.regionName,
      year: waiting.year,
      channelLabel: CHANNEL_LABELS.web,
      submittedAt: waiting.submittedAt,
      text: waiting.text,
      status: 'received',
      statusLabel: PUBLIC_STATUS_LABELS.received,
      field: waiting.field,
      unitName: null,
      answer: null,
      earlierAnswers: [],
    };
  const row = await suggestionByCode(deps.db, code);
  if (!row) throw new DomainError('SUGGESTION_NOT_FOUND');
  const s = row.suggestion;
  const answers = s.groupId ? ((await answersOf(deps.db, [s.groupId])).get(s.groupId) ?? []) : [];
  const status = publicStatus(row.groupStatus);
  const routed = status === 'routed' || status === 'answered';
  return {
    trackingCode: s.trackingCode,
    regionCode: row.planRegion,
    regionName: row.regionName,
    year: row.year,
    channelLabel: CHANNEL_LABELS[s.channel as Channel] ?? s.channel,
    submittedAt: (s.submittedAt ?? s.createdAt).toISOString(),
    text: s.text,
    status,
    statusLabel: PUBLIC_STATUS_LABELS[status],
    field: row.groupField ?? s.field,
    unitName: routed ? row.unitName : null,
    answer: answers[0] ? publicAnswer(answers[0]) : null,
    earlierAnswers: answers.slice(1).map(publicAnswer),
  };
}
