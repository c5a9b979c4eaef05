'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ConfirmDialog, DataTable, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { useAdminActions } from '../_components/hooks';
import { FlashNotice } from '../_components/flash-notice';
import { emptyTemplate } from './template-draft';
import { TemplateForm } from './template-form';

type Template = RouterOutputs['marketplace']['public']['listTemplates'][number];

export function TemplatesList({ orgSlug, canManage }: { orgSlug: string; canManage: boolean }) {
  const trpc = useTRPC();
  // The admin API has no list of its own: the org's public list has every template.
  const list = useQuery(trpc.marketplace.public.listTemplates.queryOptions({ orgSlug }));
  const { flash, succeed, handlers } = useAdminActions();
  const remove = useMutation(
    trpc.marketplace.admin.deleteTemplate.mutationOptions({
      ...handlers,
      onSuccess: () => succeed('Template deleted.'),
    }),
  );

  const columns: DataTableColumn<Template>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (template) =>
        canManage ? (
          template.name
        ) : (
          <Link href={`/admin/marketplace/templates/${template.id}`}>{template.name}</Link>
        ),
    },
    { id: 'summary', header: 'Summary', cell: (template) => template.summary },
    {
      id: 'suggestedGuests',
      header: 'Suggested guests',
      className: 'num',
      cell: (template) => template.suggestedGuests ?? '—',
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (template) => (
        <div className="inline-actions">
          <Link
            className="button button-small"
            href={`/admin/marketplace/templates/${template.id}`}
          >
            Edit
          </Link>
          <ConfirmDialog
            trigger={
              <button
                type="button"
                className="button-small button-danger"
                disabled={remove.isPending}
              >
                Delete
              </button>
            }
            title={`Delete the template "${template.name}"?`}
            description="Bookings made from it keep their details."
            confirmLabel="Delete template"
            pendingLabel="Deleting…"
            tone="danger"
            onConfirm={() => remove.mutateAsync({ id: template.id }).catch(() => undefined)}
          />
        </div>
      ),
    });
  }

  return (
    <>
      <h1>Event templates</h1>
      <p className="muted">
        Event plans organizers start a booking from. The summary is public; the details are for
        subscribers.
      </p>
      <DataTable
        label="Event templates"
        noun={['template', 'templates']}
        columns={columns}
        data={list.data}
        total={list.data?.length}
        getRowId={(template) => template.id}
        notices={<FlashNotice flash={flash} />}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No templates yet."
      />
      {canManage ? (
        <section aria-label="New template" className="new-template">
          <h2>New template</h2>
          <TemplateForm templateId={null} initial={emptyTemplate} canManage />
        </section>
      ) : null}
    </>
  );
}
