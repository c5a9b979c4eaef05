import type { ExportEventModel as ExportEvent } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { OrgScope } from '../context';
import { coreEnv } from '../env';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { accountingCsvText } from './accounting-csv-text';
import type { AccountingMonth } from './accounting-month';

/** The outbox topic of export webhooks; the outbox mirrors delivery onto `export_events` by it. */
export const ACCOUNTING_EXPORT_TOPIC = 'export.accounting';

export const accountingExportDedupeKey = (orgId: string, month: string) =>
  `export:accounting:${orgId}:${month}`;

/** EXPORT_MODE: keep the file for finance to download, or post it to EXPORT_WEBHOOK_URL too. */
export type ExportDelivery = 'store' | 'webhook';

export interface ExportAccountingMonthResult {
  exportEvent: ExportEvent;
  /** False when the month had been exported already: nothing was built or sent again. */
  created: boolean;
}

/**
 * Spec 002: one accounting CSV per org and month, idempotent (the unique
 * org/mode/period key). Stored as an `export_events` row (`stored`); with webhook
 * delivery the same row is `pending` and an outbox webhook carries the CSV itself, so
 * the receiver needs no credentials to fetch it. The file is built before the write
 * transaction, in short page transactions.
 */
export async function exportAccountingMonth({
  scope,
  month,
  delivery = coreEnv.EXPORT_MODE,
}: {
  scope: OrgScope;
  month: AccountingMonth;
  delivery?: ExportDelivery;
}): Promise<ExportAccountingMonthResult> {
  const key = {
    orgId: scope.orgId,
    mode: 'accounting_csv' as const,
    periodStart: month.periodStart,
    periodEnd: month.periodEnd,
  };
  const existing = await scope.transaction(({ tx }) =>
    tx.exportEvent.findUnique({ where: { orgId_mode_periodStart_periodEnd: key } }),
  );
  if (existing) return { exportEvent: existing, created: false };

  const { csv, rowCount } = await accountingCsvText({
    scope,
    period: { issuedFrom: month.periodStart, issuedBefore: month.periodEnd },
  });
  const fileName = `accounting-${month.label}.csv`;

  return scope.transaction(async (ctx) => {
    const id = crypto.randomUUID();
    // ON CONFLICT DO NOTHING: a manual export racing the monthly job leaves one row.
    const { count } = await ctx.tx.exportEvent.createMany({
      data: [
        {
          id,
          ...key,
          status: delivery === 'webhook' ? 'pending' : 'stored',
          fileName,
          content: csv,
          rowCount,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) {
      const winner = await ctx.tx.exportEvent.findUniqueOrThrow({
        where: { orgId_mode_periodStart_periodEnd: key },
      });
      return { exportEvent: winner, created: false };
    }
    let outboxEventId: string | null = null;
    if (delivery === 'webhook') {
      const dedupeKey = accountingExportDedupeKey(scope.orgId, month.label);
      await enqueueOutbox(ctx, {
        dedupeKey,
        channel: 'webhook',
        topic: ACCOUNTING_EXPORT_TOPIC,
        subject: fileName,
        body: csv,
      });
      const message = await ctx.tx.outboxEvent.findUniqueOrThrow({
        where: { orgId_dedupeKey: { orgId: scope.orgId, dedupeKey } },
        select: { id: true },
      });
      outboxEventId = message.id;
    }
    const exportEvent = await ctx.tx.exportEvent.update({
      where: { id },
      data: { outboxEventId },
    });
    await recordAudit(ctx, {
      action: 'export.created',
      entityType: 'export_event',
      entityId: id,
      after: {
        mode: exportEvent.mode,
        status: exportEvent.status,
        month: month.label,
        rowCount,
        outboxEventId,
      },
    });
    return { exportEvent, created: true };
  });
}
