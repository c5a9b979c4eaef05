import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record-audit';
import type { Actor, TenantContext } from '../context';
import { AppError } from '../errors';
import { bookingFileAccess } from './booking-file-access';
import { uploadObjectKey } from './object-key';
import { VENDOR_KINDS, type RequestUploadInput, type UploadKindName } from './schemas';
import { uploadSettingsFromEnv, type UploadSettings } from './settings';
import { storageFor } from './storage';

export interface RequestedUpload {
  uploadId: string;
  method: 'PUT';
  url: string;
  headers: Record<string, string>;
  expiresAt: Date;
  key: string;
}

/**
 * Who may upload what (spec 004): vendors their own assets, owners and admins template
 * media, and a booking's vendors and organizer the files of that booking.
 */
async function uploaderFor(
  ctx: TenantContext,
  kind: UploadKindName,
  bookingId: string | undefined,
): Promise<{ ownerId: string; vendorId: string | null; bookingId: string | null }> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in to upload files');
  if (kind === 'booking_photo') {
    if (!bookingId) {
      throw AppError.field('bookingId', 'Say which booking the file is attached to');
    }
    const access = await bookingFileAccess(ctx, bookingId, { staffMayRead: false });
    return {
      ownerId: actor.userId,
      vendorId: access.as === 'vendor' ? access.vendorId : null,
      bookingId,
    };
  }
  if (bookingId) {
    throw AppError.field(
      'bookingId',
      `Only booking_photo files are attached to a booking, not ${kind} files`,
    );
  }
  return { ...(await profileUploaderFor(ctx, actor, kind)), bookingId: null };
}

async function profileUploaderFor(
  ctx: TenantContext,
  actor: Actor,
  kind: UploadKindName,
): Promise<{ ownerId: string; vendorId: string | null }> {
  if (VENDOR_KINDS.includes(kind)) {
    if (actor.role !== 'VENDOR') {
      throw new AppError('FORBIDDEN', `Only vendors can upload ${kind} files`);
    }
    const vendor = await ctx.tx.vendor.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
      select: { id: true },
    });
    if (!vendor) {
      throw new AppError('FORBIDDEN', `Set up your vendor profile before uploading ${kind} files`);
    }
    return { ownerId: actor.userId, vendorId: vendor.id };
  }
  if (actor.role !== 'OWNER' && actor.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', `Only an owner or admin can upload ${kind} files`);
  }
  return { ownerId: actor.userId, vendorId: null };
}

/**
 * Step one of an upload: check who asks and what they declare, record a pending
 * row, and hand back a short-lived URL to PUT the bytes to. The declaration is
 * checked again against the real bytes when they land.
 */
export async function requestUpload({
  ctx,
  input,
  settings = uploadSettingsFromEnv(),
}: {
  ctx: TenantContext;
  input: RequestUploadInput;
  settings?: UploadSettings;
}): Promise<RequestedUpload> {
  const { ownerId, vendorId, bookingId } = await uploaderFor(ctx, input.kind, input.bookingId);
  if (!settings.allowedTypes.includes(input.contentType)) {
    throw AppError.field(
      'contentType',
      `Files of type ${input.contentType} are not accepted (allowed: ${settings.allowedTypes.join(', ')})`,
    );
  }
  if (input.sizeBytes > settings.maxBytes) {
    throw AppError.field(
      'sizeBytes',
      `The file is ${input.sizeBytes} bytes; the limit is ${settings.maxBytes} bytes`,
    );
  }

  const id = randomUUID();
  const key = uploadObjectKey({
    orgId: ctx.orgId,
    ownerId,
    uploadId: id,
    fileName: input.fileName,
  });
  const expiresAt = new Date(Math.floor(Date.now() / 1000 + settings.urlTtlSeconds) * 1000);
  const storage = storageFor(settings);
  const upload = await ctx.tx.upload.create({
    data: {
      id,
      orgId: ctx.orgId,
      ownerId,
      vendorId,
      bookingId,
      kind: input.kind,
      key,
      backend: storage.backend,
      fileName: input.fileName,
      declaredType: input.contentType,
      declaredBytes: input.sizeBytes,
      expiresAt,
    },
  });
  // Org media and files others on a booking will see are audited; a vendor's own profile files are not.
  if (input.kind === 'template_media' || bookingId) {
    await recordAudit(ctx, {
      action: 'upload.requested',
      entityType: 'upload',
      entityId: id,
      after: upload,
    });
  }
  const put = await storage.presignPut(
    { orgId: ctx.orgId, id, key, contentType: input.contentType, sizeBytes: input.sizeBytes },
    expiresAt,
  );
  return { uploadId: id, method: 'PUT', url: put.url, headers: put.headers, expiresAt, key };
}
