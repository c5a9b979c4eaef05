'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { refundFormInput } from '@souk/core/client';
import { centsToDecimalString, formatMoney, parseMoney } from '@souk/core/money';
import type { RouterOutputs } from '@souk/api';
import {
  ConfirmDialog,
  Field,
  fieldControlProps,
  formatDateTime,
  Notice,
  StatusBadge,
} from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { applyFormErrors, formErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

type Refunds = RouterOutputs['orders']['listRefunds'];

/**
 * The order's refunds and, for people who may refund, the form. The server page seeds
 * `orders.listRefunds` into the cache, so the list renders with the page.
 */
export function RefundPanel({ orderId, canRefund }: { orderId: string; canRefund: boolean }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.orders.listRefunds.queryOptions({ orderId }));
  const data = view.data;
  // Kept here: the form starts over after a refund and would lose it.
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="refunds-heading">
      <h2 id="refunds-heading">Refunds</h2>
      <Notice kind="error">{view.error?.message}</Notice>
      <Notice kind="success">{done}</Notice>
      {data && canRefund ? (
        data.refundableCents > 0 ? (
          // Keyed by what is left, so the form starts over (new amount, new key) after a refund.
          <RefundForm
            key={data.refundableCents}
            refunds={data}
            onStart={() => setDone(null)}
            onRefunded={setDone}
          />
        ) : (
          <p className="muted">Nothing is left to refund on this order.</p>
        )
      ) : null}
      <ListTable
        label="Refunds of this order"
        rows={data?.items ?? []}
        emptyText={data ? 'No refunds yet.' : undefined}
        columns={[
          { header: 'When', cell: (r) => formatDateTime(r.createdAt) },
          {
            header: 'Amount',
            className: 'num',
            cell: (r) => formatMoney(r.amountCents, r.currency),
          },
          { header: 'Reason', cell: (r) => r.reason },
          {
            header: 'Status',
            cell: (r) => (
              <>
                <StatusBadge status={r.status} />
                {r.failureReason ? <span className="muted"> {r.failureReason}</span> : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

function RefundForm({
  refunds,
  onStart,
  onRefunded,
}: {
  refunds: Refunds;
  onStart: () => void;
  onRefunded: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { orderId, currency, customerEmail, refundableCents } = refunds;
  // One key per opened form: a double click or a retry after a lost answer refunds once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [summary, setSummary] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(refundFormInput),
    defaultValues: { amount: centsToDecimalString(refundableCents, currency), reason: '' },
  });
  const { errors } = form.formState;
  const refund = useMutation(trpc.orders.refundPayment.mutationOptions());
  const typed = parseMoney(form.watch('amount'), currency);
  const shownAmount = typed !== null && typed > 0 ? formatMoney(typed, currency) : 'this amount';

  const send = form.handleSubmit(async ({ amount, reason }) => {
    setSummary(null);
    onStart();
    const amountCents = parseMoney(amount, currency);
    if (amountCents === null || amountCents <= 0) {
      form.setError('amount', { message: 'Enter an amount like 10.00' }, { shouldFocus: true });
      return;
    }
    try {
      const made = await refund.mutateAsync({ orderId, amountCents, reason, idempotencyKey });
      onRefunded(`Refunded ${formatMoney(made.amountCents, made.currency)} to ${customerEmail}.`);
      setIdempotencyKey(crypto.randomUUID());
    } catch (error) {
      setSummary(
        applyFormErrors(form.setError, error, {
          shown: ['amount', 'reason'],
          toField: (path) => (path === 'amountCents' ? 'amount' : path),
        }),
      );
      // A refusal is an answer: the next attempt is a new refund. A lost answer keeps the key.
      if (formErrors(error).code === 'CONFLICT') setIdempotencyKey(crypto.randomUUID());
    }
    await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
    router.refresh();
  });

  return (
    <form
      className="reason-form"
      aria-label="Refund"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <Notice kind="error">{summary}</Notice>
      <Field
        id="refund-amount"
        label={`Amount (${currency})`}
        hint={`At most ${formatMoney(refundableCents, currency)}`}
        error={errors.amount?.message}
        required
      >
        <input
          {...fieldControlProps('refund-amount', errors.amount?.message)}
          {...form.register('amount')}
          inputMode="decimal"
          autoComplete="off"
        />
      </Field>
      <Field id="refund-reason" label="Reason" error={errors.reason?.message} required>
        <textarea
          {...fieldControlProps('refund-reason', errors.reason?.message)}
          {...form.register('reason')}
          rows={2}
        />
      </Field>
      <div className="inline-actions">
        <ConfirmDialog
          trigger={
            <button type="button" className="button-primary" disabled={refund.isPending}>
              Refund
            </button>
          }
          title="Refund this order?"
          description={`Refund ${shownAmount} to ${customerEmail}?`}
          confirmLabel="Refund"
          pendingLabel="Refunding…"
          tone="danger"
          onConfirm={send}
        />
      </div>
    </form>
  );
}
