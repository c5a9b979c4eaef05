'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Field, fieldControlProps } from '@souk/ui';
import { UploadField } from '@/components/upload-field';
import { applyFormErrors, invalidSubmitSummary } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import { FlashNotice } from '../_components/flash-notice';
import { useAdminActions } from '../_components/hooks';
import { emptyTemplate, templateDraftSchema, type TemplateDraft } from './template-draft';

// The fields with an input beside which an error can be shown.
const FIELDS = ['name', 'suggestedGuests', 'summary', 'details'] as const;

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
  // Checked with the core schema before sending; the API's refusals land on the same fields.
  const form = useForm({ resolver: zodResolver(templateDraftSchema), defaultValues: initial });
  const { errors } = form.formState;
  const mediaUploadIds = useWatch({ control: form.control, name: 'mediaUploadIds' });
  // Names of files uploaded in this visit; stored media are shown by id.
  const [fileNames, setFileNames] = useState<Record<string, string>>({});
  const { flash, succeed, fail, handlers } = useAdminActions();
  const failWith = (summary: string | null) => fail(new Error(summary ?? ''));
  const onError = (error: unknown) =>
    failWith(applyFormErrors(form.setError, error, { shown: FIELDS }));
  const create = useMutation(
    trpc.marketplace.admin.createTemplate.mutationOptions({
      ...handlers,
      onError,
      onSuccess: (template) => {
        form.reset(emptyTemplate);
        succeed(`Template "${template.name}" created.`);
      },
    }),
  );
  const update = useMutation(
    trpc.marketplace.admin.updateTemplate.mutationOptions({
      ...handlers,
      onError,
      onSuccess: () => {
        succeed('Template saved.');
        router.refresh();
      },
    }),
  );
  const pending = create.isPending || update.isPending;
  const prefix = templateId ? 'template-edit' : 'template-new';
  const fid = (field: string) => `${prefix}-${field}`;
  // The Field and its control are named by the same key, so their ids and error agree.
  const at = (field: (typeof FIELDS)[number]) => ({
    id: fid(field),
    error: errors[field]?.message,
  });
  const ctl = (field: (typeof FIELDS)[number]) => ({
    ...fieldControlProps(fid(field), errors[field]?.message),
    ...form.register(field),
  });
  const submit = form.handleSubmit(
    (input) => (templateId ? update.mutate({ id: templateId, ...input }) : create.mutate(input)),
    (invalid) => failWith(invalidSubmitSummary(invalid)),
  );

  return (
    <form
      className="template-form"
      aria-label={templateId ? 'Edit template' : 'New template'}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <FlashNotice flash={flash} />
      <fieldset disabled={!canManage} style={{ border: 'none', padding: 0, margin: 0 }}>
        <div className="form-grid">
          <Field {...at('name')} label="Name" required>
            <input {...ctl('name')} />
          </Field>
          <Field {...at('suggestedGuests')} label="Suggested guests">
            <input {...ctl('suggestedGuests')} type="number" min={1} step={1} inputMode="numeric" />
          </Field>
        </div>
        <Field {...at('summary')} label="Summary" hint="Public teaser shown to everyone">
          <input {...ctl('summary')} />
        </Field>
        <Field
          {...at('details')}
          label="Details"
          hint="Shown to organizers with a trial or an active subscription"
        >
          <textarea {...ctl('details')} rows={8} />
        </Field>
        {templateId ? (
          <section aria-label="Media" className="template-media">
            <h2>Media</h2>
            {errors.mediaUploadIds?.message ? (
              <p className="field-error" role="alert">
                {errors.mediaUploadIds.message}
              </p>
            ) : null}
            {mediaUploadIds.length === 0 ? <p className="muted">No media yet.</p> : null}
            <ul aria-label="Template media">
              {mediaUploadIds.map((id, i) => (
                <li key={id} className="inline-actions">
                  {fileNames[id] ?? <code>{id}</code>}
                  <button
                    type="button"
                    className="button-small button-danger"
                    aria-label={`Remove media ${i + 1}`}
                    onClick={() =>
                      form.setValue(
                        'mediaUploadIds',
                        mediaUploadIds.filter((x) => x !== id),
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
                  form.setValue('mediaUploadIds', [...form.getValues('mediaUploadIds'), upload.id]);
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
