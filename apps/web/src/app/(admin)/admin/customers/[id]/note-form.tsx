'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addCustomerNoteInput, NOTE_MAX } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

const noteInput = addCustomerNoteInput.pick({ body: true });

export function NoteForm({ customerId }: { customerId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [summary, setSummary] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(noteInput), defaultValues: { body: '' } });
  const { errors } = form.formState;
  const add = useMutation(
    trpc.customers.addNote.mutationOptions({
      onSuccess: () => {
        setSummary(null);
        form.reset({ body: '' });
        // The notes list is rendered on the server: fetch it again with the new note.
        router.refresh();
      },
      onError: (error) => setSummary(applyFormErrors(form.setError, error, { shown: ['body'] })),
    }),
  );
  const submit = form.handleSubmit(({ body }) => add.mutate({ customerId, body }));
  const id = 'customer-note-body';
  return (
    <form aria-label="Add note" noValidate onSubmit={(e) => void submit(e)}>
      {summary ? <Notice kind="error">{summary}</Notice> : null}
      <Field
        id={id}
        label="Note"
        error={errors.body?.message}
        hint={`Up to ${NOTE_MAX} characters`}
      >
        <textarea
          {...fieldControlProps(id, errors.body?.message)}
          {...form.register('body')}
          rows={3}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={add.isPending}>
          Add note
        </button>
      </div>
    </form>
  );
}
