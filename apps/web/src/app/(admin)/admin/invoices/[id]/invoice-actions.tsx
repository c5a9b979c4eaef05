'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog, formatStatus, Notice } from '@souk/ui';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/**
 * Reconcile (any invoice but a void one) and Recalculate totals (open or overdue ones),
 * each asked in a dialog first. The page is server-rendered, so it is refreshed after.
 */
export function InvoiceActions({
  invoiceId,
  invoiceNumber,
  canReconcile,
  canRecalculate,
}: {
  invoiceId: string;
  invoiceNumber: number;
  canReconcile: boolean;
  canRecalculate: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const reconcile = useMutation(trpc.finance.reconcileInvoice.mutationOptions());
  const recalculate = useMutation(trpc.finance.recalculateInvoiceTotals.mutationOptions());

  async function run(action: () => Promise<string>) {
    setNotice(null);
    try {
      setNotice({ kind: 'success', text: await action() });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    }
    router.refresh();
  }

  if (!canReconcile && !canRecalculate) return null;
  return (
    <section aria-label="Invoice actions">
      <Notice kind={notice?.kind ?? 'success'}>{notice?.text}</Notice>
      <div className="inline-actions">
        {canReconcile ? (
          <ConfirmDialog
            trigger={
              <button type="button" disabled={reconcile.isPending}>
                Reconcile
              </button>
            }
            title={`Reconcile invoice #${invoiceNumber}?`}
            description="Its status and paid amount are set from its settled payments. Nothing is created at the processor; the change is recorded in the audit log."
            confirmLabel="Reconcile"
            pendingLabel="Reconciling…"
            onConfirm={() =>
              run(async () => {
                const result = await reconcile.mutateAsync({ invoiceId });
                return result.changed
                  ? `Invoice #${invoiceNumber}: ${formatStatus(result.before.status)} → ${formatStatus(result.after.status)}.`
                  : `Invoice #${invoiceNumber} already agrees with its payments; nothing changed.`;
              })
            }
          />
        ) : null}
        {canRecalculate ? (
          <ConfirmDialog
            trigger={
              <button type="button" disabled={recalculate.isPending}>
                Recalculate totals
              </button>
            }
            title={`Recalculate the totals of invoice #${invoiceNumber}?`}
            description="Subtotal, tax and total are recomputed from the invoice's lines at the tax rate stored on each line, not the current setting."
            confirmLabel="Recalculate"
            pendingLabel="Recalculating…"
            onConfirm={() =>
              run(async () => {
                await recalculate.mutateAsync({ invoiceId });
                return `Invoice #${invoiceNumber}'s totals were recalculated from its lines.`;
              })
            }
          />
        ) : null}
      </div>
    </section>
  );
}
