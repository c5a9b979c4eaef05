'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, Field, fieldControlProps, formatDateTime, Notice } from '@souk/ui';
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
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);

  const post = useMutation(
    trpc.checkout.postOrchestrationEvent.mutationOptions({
      onError: (error) => {
        const failed = formErrors(error, { shown: ['note'] });
        setSummary(failed.summary);
        setFieldErrors(failed.fieldErrors);
        setSaved(null);
      },
      onSuccess: async (_next, input) => {
        setSummary(null);
        setFieldErrors({});
        setNote('');
        setSaved(SAVED[input.kind]);
        await queryClient.invalidateQueries({ queryKey: trpc.checkout.pathKey() });
      },
    }),
  );
  const submit = (kind: Kind, text = note) => {
    setSaved(null);
    post.mutate({ orderId, kind, note: text });
  };
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
                            disabled={post.isPending}
                            aria-label={`Mark "${label}" done`}
                            onClick={() => submit('loyalty_step_done', label)}
                          >
                            Mark done
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {canManage ? (
        <form
          aria-label="Post orchestration event"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit('note');
          }}
          style={{ margin: '1.5rem 0' }}
        >
          <Notice kind="error">{summary}</Notice>
          <Notice kind="success">{saved}</Notice>
          <Field id="orchestration-note" label="Note" error={fieldErrors.note}>
            <textarea
              {...fieldControlProps('orchestration-note', fieldErrors.note)}
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Field>
          <div className="inline-actions">
            <button
              type="button"
              className="button-primary"
              disabled={post.isPending}
              onClick={() => submit('advance')}
            >
              Advance stage
            </button>
            <button type="submit" disabled={post.isPending}>
              Add note
            </button>
            <button type="button" disabled={post.isPending} onClick={() => submit('loyalty_step')}>
              Add loyalty step
            </button>
          </div>
        </form>
      ) : null}

      <h2>Timeline</h2>
      <div className="table-wrap" role="region" aria-label="Orchestration events" tabIndex={0}>
        <table aria-label="Orchestration events">
          <thead>
            <tr>
              <th>When</th>
              <th>Kind</th>
              <th>From → To</th>
              <th>Note</th>
              <th>By</th>
            </tr>
          </thead>
          <tbody>
            {data?.events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.kind}</td>
                <td>
                  {e.fromStage || e.toStage ? `${e.fromStage ?? '—'} → ${e.toStage ?? '—'}` : '—'}
                </td>
                <td>{e.note ?? ''}</td>
                <td>{e.actorEmail ?? 'system'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.eventsTotal === 0 ? <EmptyState>No events yet.</EmptyState> : null}
      </div>
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
