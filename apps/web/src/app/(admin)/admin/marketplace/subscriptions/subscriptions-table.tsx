'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { StatusBadge } from '@souk/ui';
import type { RouterInputs, RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { dateTime } from '../_components/format';
import { useAdminActions, useListQuery } from '../_components/hooks';
import { ListShell } from '../_components/list-shell';
import { SUBSCRIPTION_STATUSES } from '../_components/options';

type Status = RouterInputs['marketplace']['admin']['setSubscription']['status'];
type ListInput = RouterInputs['marketplace']['admin']['subscriptions'];
type Organizer = RouterOutputs['marketplace']['admin']['subscriptions']['rows'][number];

// What an admin grants by hand matches the self-service trial.
const TRIAL_DAYS = 14;

function SetStatus({
  organizer,
  pending,
  onApply,
}: {
  organizer: Organizer;
  pending: boolean;
  onApply: (status: Status) => void;
}) {
  // "incomplete" (waiting for payment) is reached by the organizer, not set here: offer "active".
  const [status, setStatus] = useState<Status>(
    organizer.status === 'incomplete' ? 'active' : organizer.status,
  );
  const id = `subscription-status-${organizer.userId}`;
  return (
    <form
      className="inline-actions"
      aria-label={`Set subscription for ${organizer.email}`}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(status);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Set status
      </label>
      <select
        id={id}
        className="search-input"
        value={status}
        onChange={(e) => setStatus(e.target.value as Status)}
      >
        {SUBSCRIPTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <button type="submit" className="button-small" disabled={pending}>
        Apply
      </button>
    </form>
  );
}

export function SubscriptionsTable({
  initialQuery,
  canManage,
}: {
  initialQuery: ListInput;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const { query, paging } = useListQuery(initialQuery);
  const list = useQuery({
    ...trpc.marketplace.admin.subscriptions.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const { flash, succeed, handlers } = useAdminActions();
  const set = useMutation(
    trpc.marketplace.admin.setSubscription.mutationOptions({
      ...handlers,
      onSuccess: (subscription) => succeed(`Subscription set to ${subscription.status}.`),
    }),
  );

  return (
    <ListShell
      title="Organizer subscriptions"
      intro={`Template details are open to organizers on a trial or an active subscription. Setting "trial" here starts a ${TRIAL_DAYS}-day trial from now.`}
      flash={flash}
      list={list}
      tableLabel="Organizer subscriptions"
      emptyText="No organizers yet."
      paging={paging}
      head={
        <>
          <th>Email</th>
          <th>Status</th>
          <th>Trial ends</th>
          {canManage ? <th>Actions</th> : null}
        </>
      }
    >
      {list.data?.rows.map((organizer) => (
        <tr key={organizer.userId}>
          <td>{organizer.email}</td>
          <td>
            <StatusBadge status={organizer.status} />
          </td>
          <td>
            {organizer.status === 'trial' || organizer.status === 'incomplete'
              ? dateTime(organizer.trialEndsAt)
              : '—'}
          </td>
          {canManage ? (
            <td>
              <SetStatus
                organizer={organizer}
                pending={set.isPending}
                onApply={(status) =>
                  set.mutate({
                    userId: organizer.userId,
                    status,
                    trialEndsAt:
                      status === 'trial' ? new Date(Date.now() + TRIAL_DAYS * 86_400_000) : null,
                  })
                }
              />
            </td>
          ) : null}
        </tr>
      ))}
    </ListShell>
  );
}
