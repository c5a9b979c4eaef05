'use client';

import { useState } from 'react';
import { Field, fieldControlProps } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { DISPUTE_RESOLUTIONS } from '../_components/options';

type Resolution = RouterInputs['marketplace']['admin']['resolveDispute']['status'];

export function ResolveForm({
  disputeId,
  pending,
  onResolve,
}: {
  disputeId: string;
  pending: boolean;
  onResolve: (status: Resolution, note: string) => void;
}) {
  // No default: releasing or reversing money is always an explicit choice.
  const [status, setStatus] = useState<Resolution | ''>('');
  const [note, setNote] = useState('');
  const selectId = `dispute-resolution-${disputeId}`;
  const noteId = `dispute-note-${disputeId}`;
  return (
    <form
      className="reason-form"
      aria-label="Resolve dispute"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // An empty choice goes to the server, which answers with its own message.
        onResolve(status as Resolution, note);
      }}
    >
      <Field id={selectId} label="Resolution">
        <select
          {...fieldControlProps(selectId)}
          value={status}
          onChange={(e) => setStatus(e.target.value as Resolution | '')}
        >
          <option value="">Choose…</option>
          {DISPUTE_RESOLUTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={noteId} label="Resolution note">
        <textarea
          {...fieldControlProps(noteId)}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <div className="inline-actions">
        <button type="submit" className="button-small button-primary" disabled={pending}>
          Resolve
        </button>
      </div>
    </form>
  );
}
