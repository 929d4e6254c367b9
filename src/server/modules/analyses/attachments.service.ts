import { createHash, randomUUID } from 'node:crypto';
import { canDeleteAnalysisAttachment, type CompanyRef } from '../../../core/access';
import type { Actor, SignedInActor } from '../../../core/roles';
import { analysisLimits, type Attachment, type UploadAttachmentBody } from '../../../contracts/analyses';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { forbidden, invalidField, notFound, ruleViolated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { getReadableAnalysis, signedIn } from './analysis-access';
import * as q from './analyses.queries';

// Attachments: files kept with an analysis, in the database (so the backup holds them).

export function toAttachment(actor: SignedInActor, company: CompanyRef, row: q.AttachmentListRow): Attachment {
  return {
    id: row.id,
    analysisId: row.analysisId,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    canDelete: canDeleteAnalysisAttachment(actor, company, row.uploadedBy),
  };
}

const typesByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  csv: 'text/csv',
  txt: 'text/plain',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Images a browser shows inline without running anything; SVG is left out (it can carry script). */
const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** Types a browser would render as a page: always served as a plain download. */
const activeTypes = /html|xml|javascript|ecmascript|svg/i;

function cleanFilename(name: string): string {
  // Only the last part of a path; no control characters; a name stays a name.
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.length > 0 ? cleaned : 'fil';
}

function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return null;
  return Buffer.from(compact, 'base64');
}

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

export async function listAttachments(ctx: AppContext, actor: Actor, analysisId: string): Promise<Attachment[]> {
  const user = signedIn(actor);
  const reachable = await getReadableAnalysis(ctx.db, user, analysisId);
  const rows = await q.listAttachments(ctx.db, analysisId);
  return rows.map((row) => toAttachment(user, reachable.company, row));
}

/** Keeps a file with an analysis: at most 10 MB, at most 20 files per analysis (422 naming the limit). */
export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  analysisId: string,
  input: UploadAttachmentBody,
): Promise<Attachment> {
  const user = signedIn(actor);
  const content = decodeBase64(input.contentBase64);
  if (!content || content.length === 0) {
    throw invalidField('contentBase64', 'invalid_base64', 'The file could not be read: its content is not base64');
  }
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const { found, abilities } = await getReadableAnalysis(tx, user, analysisId);
    if (!abilities.canUploadAttachments) throw forbidden();
    if (content.length > analysisLimits.attachmentMaxBytes) {
      throw ruleViolated(`A file may be at most ${megabytes(analysisLimits.attachmentMaxBytes)}`, [
        {
          field: 'contentBase64',
          code: 'too_large',
          message: `At most ${megabytes(analysisLimits.attachmentMaxBytes)}`,
        },
      ]);
    }
    if ((await q.countAttachments(tx, analysisId)) >= analysisLimits.attachmentsPerAnalysis) {
      throw ruleViolated(`An analysis keeps at most ${analysisLimits.attachmentsPerAnalysis} files`, [
        {
          field: 'contentBase64',
          code: 'too_many_files',
          message: `At most ${analysisLimits.attachmentsPerAnalysis} files per analysis`,
        },
      ]);
    }
    const filename = cleanFilename(input.filename);
    const extension = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
    const contentType = (input.contentType ?? typesByExtension[extension] ?? 'application/octet-stream').toLowerCase();
    const now = ctx.now();
    const meta = {
      id,
      analysisId,
      filename,
      contentType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      uploadedBy: user.userId,
      uploadedAt: now,
    };
    await q.insertAttachment(tx, { ...meta, content });
    await q.touchAnalysis(tx, analysisId, now);
    // The audit row names the file and its checksum, never its content.
    await recordAudit(tx, user, now, {
      action: 'analysis_attachment.upload',
      entityType: 'analysis_attachment',
      entityId: id,
      organisationId: found.companyOrganisationId,
      after: meta,
    });
  });
  const reachable = await getReadableAnalysis(ctx.db, user, analysisId);
  return toAttachment(user, reachable.company, (await q.findAttachment(ctx.db, id))!);
}

async function getReachableAttachment(db: Db, actor: SignedInActor, id: string) {
  const attachment = await q.findAttachment(db, id);
  if (!attachment) throw notFound('The file');
  const reachable = await getReadableAnalysis(db, actor, attachment.analysisId).catch(() => {
    throw notFound('The file');
  });
  return { attachment, reachable };
}

/** A file to download: images inline, everything else as an attachment; types a browser would run as a page are sent as bytes. */
export async function downloadAttachment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ filename: string; contentType: string; isInline: boolean; content: Buffer }> {
  const user = signedIn(actor);
  const { attachment } = await getReachableAttachment(ctx.db, user, id);
  const content = (await q.readAttachmentContent(ctx.db, id)) ?? Buffer.alloc(0);
  const isInline = inlineTypes.has(attachment.contentType);
  const contentType = activeTypes.test(attachment.contentType) ? 'application/octet-stream' : attachment.contentType;
  return { filename: attachment.filename, contentType, isInline, content };
}

export async function deleteAttachment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { attachment, reachable } = await getReachableAttachment(tx, user, id);
    if (!canDeleteAnalysisAttachment(user, reachable.company, attachment.uploadedBy)) {
      throw forbidden('The coach, or whoever uploaded it, deletes a file');
    }
    await q.deleteAttachment(tx, id);
    await recordAudit(tx, user, ctx.now(), {
      action: 'analysis_attachment.delete',
      entityType: 'analysis_attachment',
      entityId: id,
      organisationId: reachable.found.companyOrganisationId,
      before: attachment,
    });
  });
}
