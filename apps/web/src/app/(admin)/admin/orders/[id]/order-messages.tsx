'use client';

import { useState } from 'react';
import type { RouterOutputs } from '@souk/api';
import { formatDateTime, StatusBadge } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { OutboxMessagePreview } from '../../outbox/email-preview';

type Message = RouterOutputs['orders']['getOrder']['outbox'][number];

/** The outbox rows about the order, each opened as its recipient sees it. */
export function OrderMessages({ messages }: { messages: Message[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const open = messages.find((m) => m.id === openId);
  return (
    <>
      <ListTable
        label="Messages about this order"
        rows={messages}
        emptyText="No messages about this order."
        columns={[
          { header: 'Queued', cell: (m) => formatDateTime(m.createdAt) },
          { header: 'Subject', cell: (m) => m.subject ?? m.topic },
          { header: 'To', cell: (m) => m.recipient ?? m.channel },
          {
            header: 'Status',
            cell: (m) => (
              <>
                <StatusBadge status={m.status} />
                {m.lastError ? <span className="muted"> {m.lastError}</span> : null}
              </>
            ),
          },
          {
            header: 'Preview',
            hideHeader: true,
            cell: (m) => (
              <button
                type="button"
                className="button-small"
                aria-expanded={m.id === openId}
                onClick={() => setOpenId(m.id === openId ? null : m.id)}
              >
                {m.id === openId ? 'Hide' : 'View'}
              </button>
            ),
          },
        ]}
      />
      {open ? <OutboxMessagePreview row={open} /> : null}
    </>
  );
}
