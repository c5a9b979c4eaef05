'use client';

import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, fieldControlProps } from '@souk/ui';
import type { AppRouter } from '@souk/api';
import { UploadField } from '@/components/upload-field';
import { useTRPC } from '@/trpc/react';
import { useAdminActions } from '../_components/hooks';
import { FlashNotice } from '../_components/list-shell';
import {
  draftToInput,
  emptyTemplate,
  type FieldErrors,
  type TemplateDraft,
} from './template-draft';

function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error as TRPCClientError<AppRouter>).data as
    { fieldErrors?: Record<string, string[]> | null } | undefined;
  const fields: FieldErrors = {};
  for (const [path, messages] of Object.entries(data?.fieldErrors ?? {}))
    fields[path] = messages[0] ?? 'Invalid';
  return fields;
}

/** New template (templateId null, on the list page) or edit one (its own page). */
export function TemplateForm({
  templateId,
  initial,
  canManage,
}: {
  templateId: string | null;
  initial: TemplateDraft;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Names of files uploaded in this visit; stored media are shown by id.
  const [fileNames, setFileNames] = useState<Record<string, string>>({});
  const { flash, succeed, fail, handlers } = useAdminActions();
  const onError = (error: unknown) => {
    setErrors(serverFieldErrors(error));
    fail(error);
  };
  const create = useMutation(
    trpc.marketplace.admin.createTemplate.mutationOptions({
      ...handlers,
      onError,
      onSuccess: (template) => {
        setErrors({});
        setDraft(emptyTemplate);
        succeed(`Template "${template.name}" created.`);
      },
    }),
  );
  const update = useMutation(
    trpc.marketplace.admin.updateTemplate.mutationOptions({
      ...handlers,
      onError,
      onSuccess: () => {
        setErrors({});
        succeed('Template saved.');
        router.refresh();
      },
    }),
  );
  const pending = create.isPending || update.isPending;
  const prefix = templateId ? 'template-edit' : 'template-new';
  const fid = (field: string) => `${prefix}-${field}`;
  const ctl = (field: string) => fieldControlProps(fid(field), errors[field]);
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function submit() {
    const { input, errors: clientErrors } = draftToInput(draft);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      fail(new Error('Please fix the highlighted fields.'));
      return;
    }
    if (templateId) update.mutate({ id: templateId, ...input });
    else create.mutate(input);
  }

  return (
    <form
      className="template-form"
      aria-label={templateId ? 'Edit template' : 'New template'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FlashNotice flash={flash} />
      <fieldset disabled={!canManage} style={{ border: 'none', padding: 0, margin: 0 }}>
        <div className="form-grid">
          <Field id={fid('name')} label="Name" error={errors.name} required>
            <input
              {...ctl('name')}
              value={draft.name}
              onChange={(e) => set('name', e.target.value)}
            />
          </Field>
          <Field
            id={fid('suggestedGuests')}
            label="Suggested guests"
            error={errors.suggestedGuests}
          >
            <input
              {...ctl('suggestedGuests')}
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={draft.suggestedGuests}
              onChange={(e) => set('suggestedGuests', e.target.value)}
            />
          </Field>
        </div>
        <Field
          id={fid('summary')}
          label="Summary"
          error={errors.summary}
          hint="Public teaser shown to everyone"
        >
          <input
            {...ctl('summary')}
            value={draft.summary}
            onChange={(e) => set('summary', e.target.value)}
          />
        </Field>
        <Field
          id={fid('details')}
          label="Details"
          error={errors.details}
          hint="Shown to organizers with a trial or an active subscription"
        >
          <textarea
            {...ctl('details')}
            rows={8}
            value={draft.details}
            onChange={(e) => set('details', e.target.value)}
          />
        </Field>
        {templateId ? (
          <section aria-label="Media" className="template-media">
            <h2>Media</h2>
            {draft.mediaUploadIds.length === 0 ? <p className="muted">No media yet.</p> : null}
            <ul aria-label="Template media">
              {draft.mediaUploadIds.map((id, i) => (
                <li key={id} className="inline-actions">
                  {fileNames[id] ?? <code>{id}</code>}
                  <button
                    type="button"
                    className="button-small button-danger"
                    aria-label={`Remove media ${i + 1}`}
                    onClick={() =>
                      set(
                        'mediaUploadIds',
                        draft.mediaUploadIds.filter((x) => x !== id),
                      )
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            {canManage ? (
              <UploadField
                kind="template_media"
                label="Add media"
                onUploaded={(upload) => {
                  setFileNames((names) => ({ ...names, [upload.id]: upload.fileName }));
                  setDraft((d) => ({ ...d, mediaUploadIds: [...d.mediaUploadIds, upload.id] }));
                }}
              />
            ) : null}
            <p className="field-hint">New media are attached when you save the template.</p>
          </section>
        ) : null}
      </fieldset>
      {canManage ? (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={pending}>
            {templateId ? 'Save template' : 'Create template'}
          </button>
        </div>
      ) : null}
    </form>
  );
}
