'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog, Notice } from '@souk/ui';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/**
 * Resend the confirmation (paid orders) and cancel (orders awaiting payment), each asked
 * in a dialog first. The page is server-rendered, so it is refreshed after either.
 */
export function OrderActions({
  orderId,
  orderNumber,
  customerEmail,
  canResend,
  canCancel,
}: {
  orderId: string;
  orderNumber: number;
  customerEmail: string;
  canResend: boolean;
  canCancel: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const resend = useMutation(trpc.orders.resendConfirmation.mutationOptions());
  const cancel = useMutation(trpc.orders.cancelOrder.mutationOptions());

  async function run(action: () => Promise<string>) {
    setNotice(null);
    try {
      setNotice({ kind: 'success', text: await action() });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    }
    router.refresh();
  }

  if (!canResend && !canCancel) return null;
  return (
    <section aria-label="Order actions">
      <Notice kind={notice?.kind ?? 'success'}>{notice?.text}</Notice>
      <div className="inline-actions">
        {canResend ? (
          <ConfirmDialog
            trigger={
              <button type="button" disabled={resend.isPending}>
                Resend confirmation
              </button>
            }
            title="Resend the confirmation?"
            description={`Email the confirmation of order #${orderNumber} to ${customerEmail} again?`}
            confirmLabel="Resend"
            pendingLabel="Queuing…"
            onConfirm={() =>
              run(async () => {
                const sent = await resend.mutateAsync({ id: orderId });
                return `Confirmation queued for ${sent.recipient}.`;
              })
            }
          />
        ) : null}
        {canCancel ? (
          <ConfirmDialog
            trigger={
              <button type="button" className="button-danger" disabled={cancel.isPending}>
                Cancel order
              </button>
            }
            title={`Cancel order #${orderNumber}?`}
            description="The invoice is voided and the customer's payment pages stop working. This cannot be undone."
            confirmLabel="Cancel order"
            cancelLabel="Keep order"
            pendingLabel="Cancelling…"
            tone="danger"
            onConfirm={() =>
              run(async () => {
                await cancel.mutateAsync({ id: orderId });
                return `Order #${orderNumber} is cancelled.`;
              })
            }
          />
        ) : null}
      </div>
    </section>
  );
}
