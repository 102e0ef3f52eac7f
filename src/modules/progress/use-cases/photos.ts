import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { PHOTO_MAX_BYTES, photoTypeOf, stripPhotoMetadata } from '../photo.rules';
import { mayDecide } from '../progress.policy';
import { progressReports, reportPhotos } from '../progress.tables';
import { isEditable, type ReportStatus } from '../reporting.rules';

const photoUrl = (id: string) => `/api/photos/${id}`;

/** Adds a photo to a draft or returned report: checked by its bytes, stripped of metadata. */
export async function addPhoto(deps: AppDeps, actor: Actor, reportId: string, upload: Buffer) {
  if (upload.length > PHOTO_MAX_BYTES) throw new DomainError('PHOTO_TOO_LARGE');
  const type = photoTypeOf(upload);
  if (!type) throw new DomainError('PHOTO_NOT_IMAGE', { field: 'photo' });
  const clean = Buffer.from(stripPhotoMetadata(upload, type));
  return writeTransaction(deps.db, actor, async (tx) => {
    const [report] = await tx.select().from(progressReports).where(eq(progressReports.id, reportId));
    if (!report) throw new DomainError('REPORT_NOT_FOUND');
    if (!can(actor, 'record.write', { regionCode: report.regionCode, unitId: report.unitId })) {
      throw new DomainError('OUT_OF_SCOPE');
    }
    if (!isEditable(report.status as ReportStatus)) throw new DomainError('REPORT_NOT_EDITABLE');
    const [photo] = await tx
      .insert(reportPhotos)
      .values({ reportId, contentType: type, size: clean.length, bytes: clean, authorId: actor.userId })
      .returning({ id: reportPhotos.id });
    return { id: photo!.id, url: photoUrl(photo!.id), contentType: type, size: clean.length };
  });
}

export async function removePhoto(deps: AppDeps, actor: Actor, photoId: string) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const [row] = await tx
      .select({ photo: reportPhotos.id, report: progressReports })
      .from(reportPhotos)
      .innerJoin(progressReports, eq(progressReports.id, reportPhotos.reportId))
      .where(eq(reportPhotos.id, photoId));
    if (!row) throw new DomainError('PHOTO_NOT_FOUND');
    if (!can(actor, 'record.write', { regionCode: row.report.regionCode, unitId: row.report.unitId })) {
      throw new DomainError('OUT_OF_SCOPE');
    }
    if (!isEditable(row.report.status as ReportStatus)) throw new DomainError('REPORT_NOT_EDITABLE');
    await tx.delete(reportPhotos).where(eq(reportPhotos.id, photoId));
  });
}

export async function readPhoto(deps: AppDeps, actor: Actor, photoId: string) {
  const [row] = await deps.db
    .select({ photo: reportPhotos, regionCode: progressReports.regionCode, unitId: progressReports.unitId })
    .from(reportPhotos)
    .innerJoin(progressReports, eq(progressReports.id, reportPhotos.reportId))
    .where(eq(reportPhotos.id, photoId));
  if (!row) throw new DomainError('PHOTO_NOT_FOUND');
  if (!can(actor, 'record.read', { regionCode: row.regionCode }) && !mayDecide(actor, row))
    throw new DomainError('OUT_OF_SCOPE');
  return row.photo;
}

/** Photos of the given reports (without their bytes), by report. */
export async function photosOf(db: Executor, reportIds: string[]) {
  const byReport = new Map<string, Array<{ id: string; url: string; contentType: string; size: number }>>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .select({
      id: reportPhotos.id,
      reportId: reportPhotos.reportId,
      contentType: reportPhotos.contentType,
      size: reportPhotos.size,
    })
    .from(reportPhotos)
    .where(inArray(reportPhotos.reportId, reportIds))
    .orderBy(reportPhotos.createdAt);
  for (const r of rows)
    byReport.set(r.reportId, [
      ...(byReport.get(r.reportId) ?? []),
      { id: r.id, url: photoUrl(r.id), contentType: r.contentType, size: r.size },
    ]);
  return byReport;
}
