'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { formatDate, Notice } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';

type Teaser = RouterOutputs['marketplace']['public']['listTemplates'][number];
type Subscription = RouterOutputs['marketplace']['organizer']['getSubscription'];

function subscriptionLine(subscription: Subscription): string | null {
  switch (subscription.status) {
    case 'trial':
      if (!subscription.hasAccess) return 'Your free trial has ended.';
      return subscription.trialEndsAt
        ? `Free trial until ${formatDate(subscription.trialEndsAt)}`
        : 'Free trial';
    case 'active':
      return 'Subscription active';
    case 'cancelled':
      return 'Subscription cancelled';
    case 'incomplete':
      return 'Payment needed';
    default:
      return null;
  }
}

export function TemplateDetail({ id, teaser }: { id: string; teaser: Teaser | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscriptionKey = trpc.marketplace.organizer.getSubscription.queryKey();
  const subscription = useQuery(trpc.marketplace.organizer.getSubscription.queryOptions());
  const hasAccess = subscription.data?.hasAccess ?? false;
  const template = useQuery(
    trpc.marketplace.organizer.getTemplate.queryOptions({ id }, { enabled: hasAccess }),
  );
  const start = useMutation(
    trpc.marketplace.organizer.startSubscription.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(subscriptionKey, next),
    }),
  );
  const cancel = useMutation(
    trpc.marketplace.organizer.cancelSubscription.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(subscriptionKey, next),
    }),
  );

  const forbidden = template.error?.data?.code === 'FORBIDDEN';
  const showDetails = hasAccess && !forbidden;
  const line = subscription.data ? subscriptionLine(subscription.data) : null;
  const needsPayment = subscription.data?.needsPayment ?? false;
  const startLabel =
    subscription.data && subscription.data.status !== 'none'
      ? 'Restart subscription'
      : 'Start free trial';
  const name = template.data?.name ?? teaser?.name ?? 'Event template';

  return (
    <>
      <h1>{name}</h1>
      {line ? (
        <p className="subscription-line">
          {line}
          {hasAccess ? (
            <>
              {' '}
              <button
                type="button"
                className="button-small"
                disabled={cancel.isPending}
                onClick={() => {
                  start.reset();
                  cancel.mutate();
                }}
              >
                Cancel subscription
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      <Notice kind="error">
        {subscription.error?.message ??
          start.error?.message ??
          cancel.error?.message ??
          (forbidden ? null : template.error?.message)}
      </Notice>

      {!showDetails ? (
        <section className="card" aria-label="Subscription required">
          {teaser?.summary ? <p className="muted">{teaser.summary}</p> : null}
          <p>{subscription.data?.accessNote ?? 'Template details are for subscribers.'}</p>
          {/* With the trial spent only payment opens access: no button pretends otherwise. */}
          {needsPayment ? null : (
            <button
              type="button"
              className="button-primary"
              disabled={start.isPending || subscription.isPending}
              aria-busy={start.isPending}
              onClick={() => {
                cancel.reset();
                start.mutate();
              }}
            >
              {startLabel}
            </button>
          )}
        </section>
      ) : template.data ? (
        <article className="card template-detail">
          {template.data.summary ? <p className="muted">{template.data.summary}</p> : null}
          {template.data.suggestedGuests !== null ? (
            <p>Suggested guests: {template.data.suggestedGuests}</p>
          ) : null}
          {template.data.details ? (
            <div className="template-details-text">{template.data.details}</div>
          ) : (
            <p className="muted">This template has no further details.</p>
          )}
          <p>
            <Link href={`/bookings/new?template=${encodeURIComponent(id)}`} className="button">
              Book for this template
            </Link>
          </p>
        </article>
      ) : (
        <p className="muted" role="status">
          Loading template details…
        </p>
      )}
    </>
  );
}
