'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs, RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { useAdminActions, useListQuery, useOpenAction } from '../_components/hooks';
import { FilterSelect, ListShell } from '../_components/list-shell';
import { VENDOR_STATUSES, VENDOR_TYPE_LABELS, VENDOR_TYPES } from '../_components/options';
import { ReasonForm } from '../_components/reason-form';

type ListInput = RouterInputs['marketplace']['admin']['vendors'];
type Vendor = RouterOutputs['marketplace']['admin']['vendors']['rows'][number];

function payoutsState(vendor: Vendor): string {
  if (vendor.payoutsDisabled) return 'disabled';
  return vendor.payoutsEnabled ? 'enabled' : 'not set up';
}

export function VendorsTable({
  initialQuery,
  canManage,
}: {
  initialQuery: ListInput;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const { query, filter, paging } = useListQuery(initialQuery);
  const list = useQuery({
    ...trpc.marketplace.admin.vendors.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const { flash, succeed, handlers } = useAdminActions();
  const form = useOpenAction<'needs_changes'>();
  const review = useMutation(
    trpc.marketplace.admin.reviewVendor.mutationOptions({
      ...handlers,
      onSuccess: (vendor) => {
        form.close();
        succeed(
          vendor.status === 'approved'
            ? `${vendor.displayName} is approved.`
            : `${vendor.displayName} was sent back for changes.`,
        );
      },
    }),
  );
  const payouts = useMutation(
    trpc.marketplace.admin.setPayoutsDisabled.mutationOptions({
      ...handlers,
      onSuccess: (vendor) =>
        succeed(
          `Payouts ${vendor.payoutsDisabled ? 'disabled' : 'enabled'} for ${vendor.displayName}.`,
        ),
    }),
  );
  const busy = review.isPending || payouts.isPending;

  return (
    <ListShell
      title="Vendors"
      intro="Venue owners and service providers who applied to sell through the marketplace. Organizers can book approved vendors only."
      filterLabel="Filter vendors"
      filters={
        <>
          <StatusFilter
            id="vendor-status-filter"
            value={query.status}
            options={VENDOR_STATUSES}
            onChange={(status) => filter({ status })}
          />
          <FilterSelect
            id="vendor-type-filter"
            label="Type"
            value={query.type}
            options={VENDOR_TYPES}
            onChange={(type) => filter({ type })}
          />
        </>
      }
      flash={flash}
      list={list}
      tableLabel="Vendors"
      emptyText="No vendors match."
      paging={paging}
      head={
        <>
          <th>Display name</th>
          <th>Type</th>
          <th>City</th>
          <th>Email</th>
          <th>Status</th>
          <th>Payouts</th>
          {canManage ? <th>Actions</th> : null}
        </>
      }
    >
      {list.data?.rows.map((vendor) => (
        <tr key={vendor.id}>
          <td>{vendor.displayName}</td>
          <td>{VENDOR_TYPE_LABELS[vendor.type]}</td>
          <td>{vendor.city || '—'}</td>
          <td>{vendor.user.email}</td>
          <td>
            <StatusBadge status={vendor.status} />
            {vendor.reviewNote ? <div className="muted">{vendor.reviewNote}</div> : null}
          </td>
          <td className="nowrap">{payoutsState(vendor)}</td>
          {canManage ? (
            <td>
              <div className="inline-actions">
                {vendor.status !== 'approved' ? (
                  <button
                    type="button"
                    className="button-small button-primary"
                    disabled={busy}
                    onClick={() => review.mutate({ id: vendor.id, decision: 'approve' })}
                  >
                    Approve
                  </button>
                ) : null}
                {vendor.status !== 'needs_changes' ? (
                  <button
                    type="button"
                    className="button-small"
                    aria-expanded={form.isOpen(vendor.id, 'needs_changes')}
                    onClick={() => form.toggle(vendor.id, 'needs_changes')}
                  >
                    Needs changes
                  </button>
                ) : null}
                <button
                  type="button"
                  className={`button-small${vendor.payoutsDisabled ? '' : ' button-danger'}`}
                  disabled={busy}
                  onClick={() =>
                    payouts.mutate({ id: vendor.id, disabled: !vendor.payoutsDisabled })
                  }
                >
                  {vendor.payoutsDisabled ? 'Enable payouts' : 'Disable payouts'}
                </button>
              </div>
              {form.isOpen(vendor.id, 'needs_changes') ? (
                <ReasonForm
                  id={`vendor-changes-${vendor.id}`}
                  label="What needs to change"
                  submitLabel="Send back"
                  pending={busy}
                  onSubmit={(note) =>
                    review.mutate({ id: vendor.id, decision: 'needs_changes', note })
                  }
                />
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </ListShell>
  );
}
