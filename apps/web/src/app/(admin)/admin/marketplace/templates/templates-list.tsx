'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/trpc/react';
import { useAdminActions } from '../_components/hooks';
import { ListShell } from '../_components/list-shell';
import { emptyTemplate } from './template-draft';
import { TemplateForm } from './template-form';

export function TemplatesList({ orgSlug, canManage }: { orgSlug: string; canManage: boolean }) {
  const trpc = useTRPC();
  // The admin API has no list of its own: the org's public list has every template.
  const list = useQuery({
    ...trpc.marketplace.public.templates.queryOptions({ orgSlug }),
    select: (rows) => ({ rows, total: rows.length }),
  });
  const { flash, succeed, handlers } = useAdminActions();
  const remove = useMutation(
    trpc.marketplace.admin.deleteTemplate.mutationOptions({
      ...handlers,
      onSuccess: () => succeed('Template deleted.'),
    }),
  );

  return (
    <>
      <ListShell
        title="Event templates"
        intro="Event plans organizers start a booking from. The summary is public; the details are for subscribers."
        flash={flash}
        list={list}
        tableLabel="Event templates"
        emptyText="No templates yet."
        head={
          <>
            <th>Name</th>
            <th>Summary</th>
            <th className="num">Suggested guests</th>
            {canManage ? <th>Actions</th> : null}
          </>
        }
      >
        {list.data?.rows.map((template) => (
          <tr key={template.id}>
            <td>
              {canManage ? (
                template.name
              ) : (
                <Link href={`/admin/marketplace/templates/${template.id}`}>{template.name}</Link>
              )}
            </td>
            <td>{template.summary}</td>
            <td className="num">{template.suggestedGuests ?? '—'}</td>
            {canManage ? (
              <td>
                <div className="inline-actions">
                  <Link
                    className="button button-small"
                    href={`/admin/marketplace/templates/${template.id}`}
                  >
                    Edit
                  </Link>
                  <button
                    type="button"
                    className="button-small button-danger"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Delete the template "${template.name}"? Bookings made from it keep their details.`,
                        )
                      )
                        remove.mutate({ id: template.id });
                    }}
                  >
                    Delete
                  </button>
                </div>
              </td>
            ) : null}
          </tr>
        ))}
      </ListShell>
      {canManage ? (
        <section aria-label="New template" className="new-template">
          <h2>New template</h2>
          <TemplateForm templateId={null} initial={emptyTemplate} canManage />
        </section>
      ) : null}
    </>
  );
}
