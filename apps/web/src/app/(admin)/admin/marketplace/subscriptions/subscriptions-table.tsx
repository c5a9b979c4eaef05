'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterInputs, RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { dateTime } from '../_components/format';
import { useAdminActions } from '../_components/hooks';
import { FlashNotice } from '../_components/flash-notice';
import { SUBSCRIPTION_STATUSES } from '../_components/options';
import { SUBSCRIPTIONS_TABLE } from '../_components/table-specs';

type Status = RouterInputs['marketplace']['admin']['setSubscription']['status'];
type Organizer = RouterOutputs['marketplace']['admin']['listSubscriptions']['items'][number];

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

export function SubscriptionsTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(SUBSCRIPTIONS_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.listSubscriptions.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const { flash, succeed, handlers } = useAdminActions();
  const set = useMutation(
    trpc.marketplace.admin.setSubscription.mutationOptions({
      ...handlers,
      onSuccess: (subscription) => succeed(`Subscription set to ${subscription.status}.`),
    }),
  );

  const columns: DataTableColumn<Organizer>[] = [
    { id: 'email', header: 'Email', cell: (organizer) => organizer.email },
    {
      id: 'status',
      header: 'Status',
      cell: (organizer) => <StatusBadge status={organizer.status} />,
    },
    {
      id: 'trialEndsAt',
      header: 'Trial ends',
      cell: (organizer) =>
        organizer.status === 'trial' || organizer.status === 'incomplete'
          ? dateTime(organizer.trialEndsAt)
          : '—',
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (organizer) => (
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
      ),
    });
  }

  return (
    <>
      <h1>Organizer subscriptions</h1>
      <p className="muted">
        Template details are open to organizers on a trial or an active subscription. Setting
        &quot;trial&quot; here starts a {TRIAL_DAYS}-day trial from now.
      </p>
      <DataTable
        label="Organizer subscriptions"
        noun={['organizer', 'organizers']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(organizer) => organizer.userId}
        control={control}
        notices={<FlashNotice flash={flash} />}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No organizers yet."
      />
    </>
  );
}
