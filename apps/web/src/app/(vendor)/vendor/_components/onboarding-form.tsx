'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { useTRPC } from '@/trpc/react';
import { attentionSummary, formErrors, type FieldMessages } from '@/lib/form-errors';
import { VENDOR_TYPE_TEXT, type MyVendor } from './vendor-words';

type VendorType = MyVendor['type'];
export type OnboardingDraft = {
  type: VendorType | '';
  displayName: string;
  city: string;
  description: string;
};

const EMPTY: OnboardingDraft = { type: '', displayName: '', city: '', description: '' };

/**
 * Files a vendor profile for review, or refiles it after an admin asked for changes.
 * The server turns a customer into a vendor here, so the pages re-render afterwards.
 */
const FIELDS = ['type', 'displayName', 'city', 'description'];

export function OnboardingForm({ initial }: { initial?: OnboardingDraft }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const isResubmit = initial !== undefined;
  const [draft, setDraft] = useState<OnboardingDraft>(initial ?? EMPTY);
  const [summary, setSummary] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldMessages>({});

  const onboard = useMutation(
    trpc.marketplace.vendor.onboard.mutationOptions({
      onError: (error) => {
        const { summary, fieldErrors } = formErrors(error, { shown: FIELDS });
        setSummary(summary);
        setErrors(fieldErrors);
      },
      onSuccess: async () => {
        setSummary(null);
        setErrors({});
        await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
        router.refresh();
      },
    }),
  );

  const set = <K extends keyof OnboardingDraft>(key: K, value: OnboardingDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (name: string) => errors[name] ?? null;

  return (
    <form
      aria-label={isResubmit ? 'Resubmit vendor profile' : 'Become a vendor'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.type) {
          setErrors({ type: 'Choose venue owner or service provider' });
          setSummary(attentionSummary(1));
          return;
        }
        onboard.mutate({
          type: draft.type,
          displayName: draft.displayName,
          city: draft.city,
          description: draft.description,
        });
      }}
    >
      <Notice kind="error">{summary}</Notice>
      <fieldset disabled={onboard.isPending} className="vendor-fieldset card">
        <fieldset
          className="vendor-fieldset vendor-radio-group"
          role="radiogroup"
          aria-labelledby="vendor-type-legend"
          aria-describedby={err('type') ? 'vendor-type-error' : undefined}
        >
          <legend id="vendor-type-legend" className="is-required">
            I am a
          </legend>
          {(Object.keys(VENDOR_TYPE_TEXT) as VendorType[]).map((type) => (
            <label key={type} className="choice">
              <input
                type="radio"
                name="vendor-type"
                value={type}
                checked={draft.type === type}
                onChange={() => set('type', type)}
              />
              {VENDOR_TYPE_TEXT[type]}
            </label>
          ))}
          {err('type') ? (
            <span id="vendor-type-error" className="field-error" role="alert">
              {err('type')}
            </span>
          ) : null}
        </fieldset>
        <div className="form-grid">
          <Field
            id="vendor-display-name"
            label="Display name"
            error={err('displayName')}
            hint="Organizers see this name, never your email address."
            required
          >
            <input
              {...fieldControlProps('vendor-display-name', err('displayName'))}
              value={draft.displayName}
              maxLength={80}
              onChange={(e) => set('displayName', e.target.value)}
            />
          </Field>
          <Field id="vendor-city" label="City" error={err('city')}>
            <input
              {...fieldControlProps('vendor-city', err('city'))}
              value={draft.city}
              maxLength={80}
              onChange={(e) => set('city', e.target.value)}
            />
          </Field>
        </div>
        <div style={{ marginTop: '0.75rem' }}>
          <Field id="vendor-description" label="Description" error={err('description')}>
            <textarea
              {...fieldControlProps('vendor-description', err('description'))}
              value={draft.description}
              maxLength={2000}
              onChange={(e) => set('description', e.target.value)}
            />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {isResubmit ? 'Resubmit for review' : 'Submit for review'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
