import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import {
  PHOTO_MAX_BYTES,
  type PhotoType,
  sniffPhotoType,
  stripPhotoMetadata,
} from '../../progress/photo.rules';
import { CHANNEL_LABELS, type Channel, trackingCode } from '../suggestion-sheet.rules';
import { mayManageSuggestions } from '../suggestions.policy';
import {
  answersOf,
  countByPhoneSince,
  lockPhone,
  type PlanYearRef,
  planYearById,
  planYearByRegion,
  requirePlanYear,
  suggestionByCode,
  trackingCodeTaken,
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

/** Who the audit log names for a resident's submission: residents have no account. */
export const PUBLIC_ACTOR = 'public:web';

export interface CheckedPhoto {
  contentType: PhotoType;
  bytes: Buffer;
}

/** A photo is checked by its bytes, not its name, and loses its location metadata before it is kept. */
export function checkPhoto(upload: Buffer): CheckedPhoto {
  if (upload.length > PHOTO_MAX_BYTES) throw new DomainError('PHOTO_TOO_LARGE', { field: 'photo' });
  const type = sniffPhotoType(upload);
  if (!type) throw new DomainError('PHOTO_NOT_IMAGE', { field: 'photo' });
  return { contentType: type, bytes: Buffer.from(stripPhotoMetadata(upload, type)) };
}

async function newTrackingCode(db: Executor): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = trackingCode(randomBytes(8));
    if (!(await trackingCodeTaken(db, code))) return code;
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

/**
 * A resident's suggestion from the public page: only while the plan year's solicitation window is
 * open, and at most PHONE_DAILY_LIMIT from one phone number in 24 hours. Answers with the tracking
 * code the resident keeps to read the answer later.
 */
export async function submitSuggestion(deps: AppDeps, input: PublicSubmission): Promise<SubmissionReceipt> {
  const now = deps.now();
  return writeTransaction(deps.db, PUBLIC_ACTOR, async (tx) => {
    let planYear: PlanYearRef | undefined;
    if (input.planYearId) planYear = await planYearById(tx, input.planYearId);
    else if (input.regionCode && input.year)
      planYear = await planYearByRegion(tx, input.regionCode, input.year);
    const today = chinaDate(now);
    const window = planYear ? await windowOf(tx, planYear.id) : undefined;
    if (!planYear || !window || windowState(window, today) !== 'open') {
      throw new DomainError('SOLICITATION_CLOSED', {
        message: closedMessage(window ?? null, today),
        details: window ? { opensOn: window.opensOn, closesOn: window.closesOn } : undefined,
      });
    }
    if (input.phone) {
      await lockPhone(tx, input.phone);
      const recent = await countByPhoneSince(tx, input.phone, new Date(now.getTime() - 86_400_000));
      if (recent >= PHONE_DAILY_LIMIT)
        throw new DomainError('SUGGESTION_PHONE_LIMIT', {
          field: 'phone',
          message: `同一电话号码 24 小时内最多提交 ${PHONE_DAILY_LIMIT} 条建议，您已达到上限，请明天再提交`,
        });
    }
    const code = await newTrackingCode(tx);
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
    const code = await newTrackingCode(tx);
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
  const row = await suggestionByCode(deps.db, code);
  if (!row) throw new DomainError('SUGGESTION_NOT_FOUND');
  const s = row.suggestion;
  const answers = s.groupId ? ((await answersOf(deps.db, [s.groupId])).get(s.groupId) ?? []) : [];
  const status = publicStatus(row.groupStatus);
  const routed = status === 'routed' || status === 'answered';
  return {
    trackingCode: s.trackingCode,
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
