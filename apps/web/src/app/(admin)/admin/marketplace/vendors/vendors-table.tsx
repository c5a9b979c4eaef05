'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { reviewVendorInput } from '@souk/core/client';
import { DataTable, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { useAdminActions, useOpenAction } from '../_components/hooks';
import { FlashNotice } from '../_components/flash-notice';
import { VENDOR_STATUSES, VENDOR_TYPE_LABELS, VENDOR_TYPES } from '../_components/options';
import { ReasonForm } from '../_components/reason-form';
import { VENDORS_TABLE } from '../_components/table-specs';

type Vendor = RouterOutputs['marketplace']['admin']['listVendors']['items'][number];

function payoutsState(vendor: Vendor): string {
  if (vendor.payoutsDisabled) return 'disabled';
  return vendor.payoutsEnabled ? 'enabled' : 'not set up';
}

export function VendorsTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(VENDORS_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.listVendors.queryOptions(query),
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

  const columns: DataTableColumn<Vendor>[] = [
    { id: 'displayName', header: 'Display name', cell: (vendor) => vendor.displayName },
    { id: 'type', header: 'Type', cell: (vendor) => VENDOR_TYPE_LABELS[vendor.type] },
    { id: 'city', header: 'City', cell: (vendor) => vendor.city || '—' },
    { id: 'email', header: 'Email', cell: (vendor) => vendor.user.email },
    {
      id: 'status',
      header: 'Status',
      cell: (vendor) => (
        <>
          <StatusBadge status={vendor.status} />
          {vendor.reviewNote ? <div className="muted">{vendor.reviewNote}</div> : null}
        </>
      ),
    },
    {
      id: 'payouts',
      header: 'Payouts',
      cell: (vendor) => <span className="nowrap">{payoutsState(vendor)}</span>,
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (vendor) => (
        <>
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
              onClick={() => payouts.mutate({ id: vendor.id, disabled: !vendor.payoutsDisabled })}
            >
              {vendor.payoutsDisabled ? 'Enable payouts' : 'Disable payouts'}
            </button>
          </div>
          {form.isOpen(vendor.id, 'needs_changes') ? (
            <ReasonForm
              id={`vendor-changes-${vendor.id}`}
              label="What needs to change"
              submitLabel="Send back"
              schema={reviewVendorInput.options[1].shape.note}
              pending={busy}
              onSubmit={(note) => review.mutate({ id: vendor.id, decision: 'needs_changes', note })}
            />
          ) : null}
        </>
      ),
    });
  }

  return (
    <>
      <div className="page-head">
        <h1>Vendors</h1>
        <ExportLink list="vendors" query={query} />
      </div>
      <p className="muted">
        Venue owners and service providers who applied to sell through the marketplace. Organizers
        can book approved vendors only.
      </p>
      <DataTable
        label="Vendors"
        noun={['vendor', 'vendors']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(vendor) => vendor.id}
        control={control}
        filterLabel="Filter vendors"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'vendor-status-filter',
            label: 'Status',
            options: VENDOR_STATUSES,
          },
          {
            kind: 'select',
            key: 'type',
            id: 'vendor-type-filter',
            label: 'Type',
            options: VENDOR_TYPES,
          },
        ]}
        notices={<FlashNotice flash={flash} />}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No vendors match."
      />
    </>
  );
}
