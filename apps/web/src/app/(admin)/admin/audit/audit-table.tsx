'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { EmptyState, Pagination } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';

type Filters = RouterInputs['audit']['list'];

export function AuditTable() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 25 });
  const [draft, setDraft] = useState({ action: '', entityType: '', actorEmail: '' });
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.audit.list.queryOptions(filters),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>Audit log</h1>
      <form
        className="toolbar"
        aria-label="Filter audit log"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({
            page: 1,
            pageSize: 25,
            action: draft.action.trim() || undefined,
            entityType: draft.entityType.trim() || undefined,
            actorEmail: draft.actorEmail.trim() || undefined,
          });
        }}
      >
        {(
          [
            ['action', 'Action', 'e.g. product.update'],
            ['entityType', 'Entity type', 'e.g. product'],
            ['actorEmail', 'Actor email', 'e.g. admin@'],
          ] as const
        ).map(([key, label, placeholder]) => (
          <span
            key={key}
            className="field"
            style={{ flexDirection: 'row', alignItems: 'center', gap: '0.4rem' }}
          >
            <label htmlFor={`audit-${key}`}>{label}</label>
            <input
              id={`audit-${key}`}
              placeholder={placeholder}
              value={draft[key]}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
            />
          </span>
        ))}
        <button type="submit">Filter</button>
      </form>
      {list.error ? (
        <div className="notice notice-error" role="alert">
          {list.error.message}
        </div>
      ) : null}
      <div className="table-wrap">
        <table aria-label="Audit log">
          <thead>
            <tr>
              <th>When</th>
              <th>Actor</th>
              <th>Action</th>
              <th>Entity</th>
              <th>Request</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((row) => (
              <Fragment key={row.id}>
                <tr>
                  <td>{row.createdAt.toLocaleString()}</td>
                  <td>{row.actorEmail ?? 'system'}</td>
                  <td>{row.action}</td>
                  <td>
                    {row.entityType}
                    {row.entityId ? (
                      <span className="muted"> {row.entityId.slice(0, 8)}</span>
                    ) : null}
                  </td>
                  <td className="muted">{row.requestId?.slice(0, 8) ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      onClick={() => setOpen(open === row.id ? null : row.id)}
                    >
                      {open === row.id ? 'Hide changes' : 'Show changes'}
                    </button>
                  </td>
                </tr>
                {open === row.id ? (
                  <tr>
                    <td colSpan={6}>
                      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
                        <div>
                          <strong>Before</strong>
                          <pre className="json">
                            {row.before ? JSON.stringify(row.before, null, 2) : '—'}
                          </pre>
                        </div>
                        <div>
                          <strong>After</strong>
                          <pre className="json">
                            {row.after ? JSON.stringify(row.after, null, 2) : '—'}
                          </pre>
                        </div>
                      </div>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        {list.data && list.data.items.length === 0 ? (
          <EmptyState>No audit entries match.</EmptyState>
        ) : null}
      </div>
      {list.data ? (
        <Pagination
          page={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(page) => setFilters((f) => ({ ...f, page }))}
        />
      ) : null}
    </>
  );
}
