import type { OrgScope, TenantContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import { coreEnv } from '../env';
import { createLogger } from '../logger';
import { uploadSettingsFromEnv } from '../uploads/settings';
import { storageFor, type UploadStorage } from '../uploads/storage';
import type { UploadBackend } from '../uploads/settings';
import { erasePerson, type ErasureCounts } from './erase-person';
import { needlePattern, payerDetails, scrubTable, tenantTextColumns } from './scrub-text';
import { erasedEmail, subjectByEmail, type Subject } from './subject';

const log = createLogger('privacy');

export interface RetentionSettings {
  /** Days a deletion request waits before it is carried out (0: at the next run). */
  graceDays: number;
  /** Tries at deleting a file before it is left tombstoned for an operator. */
  maxDeleteAttempts: number;
}

export function retentionSettingsFromEnv(): RetentionSettings {
  return {
    graceDays: coreEnv.RETENTION_DELETION_GRACE_DAYS,
    maxDeleteAttempts: coreEnv.RETENTION_UPLOAD_DELETE_MAX_ATTEMPTS,
  };
}

/** Where an upload's bytes live; tests hand in one that fails. */
export type StorageOf = (backend: UploadBackend) => UploadStorage;

const defaultStorageOf: StorageOf = (backend) => storageFor(uploadSettingsFromEnv(), backend);

/** How many requests one run erases; the rest wait for the next run. */
const REQUESTS_PER_RUN = 50;

interface FileRef {
  id: string;
  key: string;
  backend: string;
}

type FileOutcome = 'deleted' | 'tombstoned';

/** Deletes one file's bytes with no transaction open, then records the outcome in a short one. */
async function deleteFile(
  scope: OrgScope,
  file: FileRef,
  storageOf: StorageOf,
  now: Date,
): Promise<FileOutcome> {
  let failure: unknown = null;
  try {
    await storageOf(file.backend as UploadBackend).remove(file.key);
  } catch (error) {
    failure = error;
  }
  await scope.transaction((ctx) =>
    ctx.tx.upload.update({
      where: { id: file.id },
      data: failure
        ? { status: 'tombstoned', deleteAttempts: { increment: 1 } }
        : {
            status: 'deleted',
            deletedAt: now,
            deleteAttempts: { increment: 1 },
            // The original name is part of the key: gone with the bytes.
            key: `erased/${scope.orgId}/${file.id}`,
          },
    }),
  );
  if (failure) {
    log.warn({ orgId: scope.orgId, uploadId: file.id, err: failure }, 'file delete failed');
  }
  return failure ? 'tombstoned' : 'deleted';
}

interface ErasingState {
  userId: string | null;
  needles: string[];
}

/**
 * What to erase, fixed before anything changes and kept on the pending request: a run that
 * dies half-way is finished by the next one even though the email and name are gone by then.
 */
async function erasingState(
  ctx: TenantContext,
  request: { subjectEmail: string; result: unknown },
): Promise<ErasingState> {
  const saved = (request.result as { erasing?: ErasingState } | null)?.erasing;
  if (saved) return saved;
  const subject = await subjectByEmail(ctx, request.subjectEmail);
  const needles = [subject.email, ...(subject.name ? [subject.name] : [])];
  const orders = await ctx.tx.order.findMany({
    where: {
      OR: [
        ...(subject.userId ? [{ customerId: subject.userId }] : []),
        { customerEmail: { equals: subject.email, mode: 'insensitive' as const } },
      ],
    },
    select: { invoice: { select: { id: true } } },
  });
  const invoiceIds = orders.flatMap((o) => (o.invoice ? [o.invoice.id] : []));
  const events = await ctx.tx.processorEvent.findMany({
    where: { invoiceId: { in: invoiceIds } },
    select: { payload: true },
  });
  for (const event of events) needles.push(...payerDetails(event.payload));
  return { userId: subject.userId, needles: [...new Set(needles)] };
}

interface ErasureResult extends ErasureCounts {
  filesDeleted: number;
  filesTombstoned: number;
  rowsScrubbed: number;
}

async function eraseRequest(
  scope: OrgScope,
  requestId: string,
  storageOf: StorageOf,
  now: Date,
  tried: Set<string>,
): Promise<ErasureResult> {
  // 1. Fix who and what, and list the person's files (no storage call yet).
  const { state, email, files } = await scope.transaction(async (ctx) => {
    const request = await ctx.tx.dataRequest.findUniqueOrThrow({ where: { id: requestId } });
    const state = await erasingState(ctx, request);
    await ctx.tx.dataRequest.update({
      where: { id: requestId },
      data: { result: { erasing: { userId: state.userId, needles: state.needles } } },
    });
    const files = state.userId
      ? await ctx.tx.upload.findMany({
          where: { ownerId: state.userId, status: { in: ['pending', 'stored', 'rejected'] } },
          select: { id: true, key: true, backend: true },
        })
      : [];
    return { state, email: request.subjectEmail, files };
  });

  // 2. The files, each outside any transaction.
  let filesDeleted = 0;
  let filesTombstoned = 0;
  for (const file of files) {
    tried.add(file.id);
    const outcome = await deleteFile(scope, file, storageOf, now);
    if (outcome === 'deleted') filesDeleted += 1;
    else filesTombstoned += 1;
  }

  // 3. The rows that point at the person.
  const subject: Subject = { email, userId: state.userId, name: null };
  const counts = await scope.transaction((ctx) => erasePerson(ctx, subject, now), {
    timeoutMs: 60_000,
  });

  // 4. Their email, name and phone wherever else they are written, one table per transaction.
  let rowsScrubbed = 0;
  const pattern = needlePattern(state.needles);
  if (pattern) {
    const tables = await scope.transaction((ctx) => tenantTextColumns(ctx.tx));
    for (const [table, columns] of tables) {
      rowsScrubbed += await scope.transaction(
        (ctx) => scrubTable(ctx.tx, table, columns, pattern),
        {
          timeoutMs: 120_000,
        },
      );
    }
  }

  // 5. Done: the requests about the person forget their email; the result keeps counts only.
  const result: ErasureResult = { ...counts, filesDeleted, filesTombstoned, rowsScrubbed };
  await scope.transaction(async (ctx) => {
    const others = await ctx.tx.dataRequest.findMany({
      where: { subjectEmail: email, id: { not: requestId }, status: 'completed' },
      select: { id: true },
    });
    for (const other of others) {
      await ctx.tx.dataRequest.update({
        where: { id: other.id },
        data: { subjectEmail: erasedEmail(other.id) },
      });
    }
    await ctx.tx.dataRequest.update({
      where: { id: requestId },
      data: {
        status: 'completed',
        completedAt: now,
        subjectEmail: erasedEmail(requestId),
        result: { ...result },
      },
    });
    await recordAudit(ctx, {
      action: 'privacy.erased',
      entityType: 'data_request',
      entityId: requestId,
      after: result,
    });
  });
  return result;
}

export interface RetentionCleanupResult {
  requestsCompleted: number;
  requests: { id: string; result: ErasureResult }[];
  filesDeleted: number;
  filesTombstoned: number;
  /** Tombstoned files whose retry this run deleted. */
  filesRetried: number;
  /** Tombstoned files out of attempts: they need an operator. */
  filesGivenUp: number;
}

/**
 * Spec 002 retention cleanup for one org (the daily `retention-cleanup` job and the admin's
 * "Run cleanup now"): carries out the deletion requests past the grace period, then retries
 * the deletes of tombstoned files. Storage is only ever called between transactions.
 */
export async function runRetentionCleanup({
  scope,
  now = new Date(),
  settings = retentionSettingsFromEnv(),
  storageOf = defaultStorageOf,
}: {
  scope: OrgScope;
  now?: Date;
  settings?: RetentionSettings;
  storageOf?: StorageOf;
}): Promise<RetentionCleanupResult> {
  const dueBefore = new Date(now.getTime() - settings.graceDays * 86_400_000);
  const due = await scope.transaction((ctx) =>
    ctx.tx.dataRequest.findMany({
      where: { kind: 'deletion', status: 'pending', createdAt: { lte: dueBefore } },
      orderBy: { createdAt: 'asc' },
      take: REQUESTS_PER_RUN,
      select: { id: true },
    }),
  );
  const requests: RetentionCleanupResult['requests'] = [];
  const tried = new Set<string>();
  for (const { id } of due) {
    requests.push({ id, result: await eraseRequest(scope, id, storageOf, now, tried) });
  }

  // Files whose delete failed in an earlier run (not the ones this run just tried).
  const retry = await scope.transaction((ctx) =>
    ctx.tx.upload.findMany({
      where: {
        status: 'tombstoned',
        deleteAttempts: { lt: settings.maxDeleteAttempts },
        id: { notIn: [...tried] },
      },
      orderBy: { createdAt: 'asc' },
      take: 500,
      select: { id: true, key: true, backend: true },
    }),
  );
  let filesRetried = 0;
  for (const file of retry) {
    if ((await deleteFile(scope, file, storageOf, now)) === 'deleted') filesRetried += 1;
  }
  const filesGivenUp = await scope.transaction((ctx) =>
    ctx.tx.upload.count({
      where: { status: 'tombstoned', deleteAttempts: { gte: settings.maxDeleteAttempts } },
    }),
  );

  const result: RetentionCleanupResult = {
    requestsCompleted: requests.length,
    requests,
    filesDeleted: requests.reduce((n, r) => n + r.result.filesDeleted, 0),
    filesTombstoned: requests.reduce((n, r) => n + r.result.filesTombstoned, 0),
    filesRetried,
    filesGivenUp,
  };
  if (scope.actor) {
    await scope.transaction((ctx) =>
      recordAudit(ctx, {
        action: 'privacy.cleanup_ran',
        entityType: 'organization',
        entityId: scope.orgId,
        after: {
          requestsCompleted: result.requestsCompleted,
          filesDeleted: result.filesDeleted,
          filesTombstoned: result.filesTombstoned,
          filesRetried,
          filesGivenUp,
        },
      }),
    );
  }
  return result;
}
