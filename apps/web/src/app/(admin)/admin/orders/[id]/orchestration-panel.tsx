'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { postOrchestrationEventInput } from '@souk/core/client';
import { formatDateTime, Notice } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { TextForm } from '@/components/text-form';
import { formErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

type Kind = 'advance' | 'note' | 'loyalty_step' | 'loyalty_step_done';

const SAVED: Record<Kind, string> = {
  advance: 'Stage advanced.',
  note: 'Note added.',
  loyalty_step: 'Loyalty step added.',
  loyalty_step_done: 'Loyalty step done.',
};

export function OrchestrationPanel({
  orderId,
  canManage,
}: {
  orderId: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [eventsPage, setEventsPage] = useState(1);
  // Page 1 uses the bare input the server page seeds into the cache.
  const view = useQuery({
    ...trpc.checkout.getOrchestration.queryOptions(
      eventsPage === 1 ? { orderId } : { orderId, eventsPage },
    ),
    placeholderData: keepPreviousData,
  });
  const [saved, setSaved] = useState<string | null>(null);

  const options = trpc.checkout.postOrchestrationEvent.mutationOptions({
    onMutate: () => setSaved(null),
    onSuccess: async (_next, input) => {
      setSaved(SAVED[input.kind]);
      await queryClient.invalidateQueries({ queryKey: trpc.checkout.pathKey() });
    },
  });
  // The note form shows its own refusals; a loyalty step marked done shows them by the list.
  const post = useMutation(options);
  const markDone = useMutation(options);
  const pending = post.isPending || markDone.isPending;
  const action = (label: string, kind: Kind, className?: string) => ({
    label,
    className,
    send: (note: string) => post.mutateAsync({ orderId, kind, note }),
  });
  const data = view.data;

  return (
    <>
      <Notice kind="error">{view.error?.message}</Notice>
      {data ? (
        <section aria-label="Current stage">
          <h2>{data.stageTitle}</h2>
          <p className="muted">{data.stageDescription}</p>
          <dl>
            <dt>Stage</dt>
            <dd>{data.stage}</dd>
            <dt>Next action</dt>
            <dd>{formatDateTime(data.nextActionAt)}</dd>
            <dt>Escalations</dt>
            <dd>{data.escalations}</dd>
            <dt>Last transition</dt>
            <dd>
              {data.lastTransition
                ? `${data.lastTransition.fromStage ?? '—'} → ${data.lastTransition.toStage ?? '—'} (${formatDateTime(data.lastTransition.at)})`
                : '—'}
            </dd>
            {data.pendingLoyaltySteps.length > 0 ? (
              <>
                <dt>Pending loyalty steps</dt>
                <dd>
                  <ul aria-label="Pending loyalty steps">
                    {data.pendingLoyaltySteps.map((label) => (
                      <li key={label}>
                        {label}{' '}
                        {canManage ? (
                          <button
                            type="button"
                            disabled={pending}
                            aria-label={`Mark "${label}" done`}
                            onClick={() =>
                              markDone.mutate({ orderId, kind: 'loyalty_step_done', note: label })
                            }
                          >
                            Mark done
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                  {markDone.error ? (
                    <Notice kind="error">
                      {formErrors(markDone.error, { shown: [] }).summary}
                    </Notice>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {canManage ? (
        <div style={{ margin: '1.5rem 0' }}>
          <Notice kind="success">{saved}</Notice>
          <TextForm
            label="Post orchestration event"
            id="orchestration-note"
            fieldLabel="Note"
            schema={postOrchestrationEventInput.shape.note}
            name="note"
            rows={3}
            pending={pending}
            actionsClassName="inline-actions"
            actions={[
              action('Advance stage', 'advance', 'button-primary'),
              action('Add note', 'note'),
              action('Add loyalty step', 'loyalty_step'),
            ]}
          />
        </div>
      ) : null}

      <h2>Timeline</h2>
      <ListTable
        label="Orchestration events"
        rows={data?.events ?? []}
        emptyText={data ? 'No events yet.' : undefined}
        columns={[
          { header: 'When', cell: (event) => formatDateTime(event.at) },
          { header: 'Kind', cell: (event) => event.kind },
          {
            header: 'From → To',
            cell: (e) =>
              e.fromStage || e.toStage ? `${e.fromStage ?? '—'} → ${e.toStage ?? '—'}` : '—',
          },
          { header: 'Note', cell: (event) => event.note ?? '' },
          { header: 'By', cell: (event) => event.actorEmail ?? 'system' },
        ]}
      />
      {data && data.eventsTotal > data.eventsPageSize ? (
        <div className="pagination" role="group" aria-label="Timeline pages">
          <span>
            Page {eventsPage} of {Math.ceil(data.eventsTotal / data.eventsPageSize)} (
            {data.eventsTotal} events)
          </span>
          <button
            type="button"
            className="button-small"
            disabled={eventsPage <= 1}
            onClick={() => setEventsPage((p) => p - 1)}
          >
            Newer events
          </button>
          <button
            type="button"
            className="button-small"
            disabled={eventsPage * data.eventsPageSize >= data.eventsTotal}
            onClick={() => setEventsPage((p) => p + 1)}
          >
            Older events
          </button>
        </div>
      ) : null}
    </>
  );
}
