'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { onboardVendorInput } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { useTRPC } from '@/trpc/react';
import { applyFormErrors, invalidSubmitSummary } from '@/lib/form-errors';
import { VENDOR_TYPE_TEXT, type MyVendor } from './vendor-words';

type VendorType = MyVendor['type'];
export type OnboardingDraft = {
  type: VendorType;
  displayName: string;
  city: string;
  description: string;
};

const FIELDS = ['type', 'displayName', 'city', 'description'];

/**
 * Files a vendor profile for review, or refiles it after an admin asked for changes.
 * The server turns a customer into a vendor here, so the pages re-render afterwards.
 */
export function OnboardingForm({ initial }: { initial?: OnboardingDraft }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const isResubmit = initial !== undefined;
  // No type chosen for a first filing: venue owner or service provider is the person's call.
  const form = useForm({
    resolver: zodResolver(onboardVendorInput),
    defaultValues: initial ?? { displayName: '', city: '', description: '' },
  });
  const { errors } = form.formState;
  const [summary, setSummary] = useState<string | null>(null);

  const onboard = useMutation(
    trpc.marketplace.vendor.onboardVendor.mutationOptions({
      onError: (error) => setSummary(applyFormErrors(form.setError, error, { shown: FIELDS })),
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
        router.refresh();
      },
    }),
  );
  const submit = form.handleSubmit(
    (input) => {
      setSummary(null);
      onboard.mutate(input);
    },
    (invalid) => setSummary(invalidSubmitSummary(invalid)),
  );
  const ctl = (name: 'displayName' | 'city' | 'description', id: string) => ({
    ...fieldControlProps(id, errors[name]?.message),
    ...form.register(name),
  });

  return (
    <form
      aria-label={isResubmit ? 'Resubmit vendor profile' : 'Become a vendor'}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <Notice kind="error">{summary}</Notice>
      <fieldset disabled={onboard.isPending} className="vendor-fieldset card">
        <fieldset
          className="vendor-fieldset vendor-radio-group"
          role="radiogroup"
          aria-labelledby="vendor-type-legend"
          aria-describedby={errors.type ? 'vendor-type-error' : undefined}
        >
          <legend id="vendor-type-legend" className="is-required">
            I am a
          </legend>
          {(Object.keys(VENDOR_TYPE_TEXT) as VendorType[]).map((type) => (
            <label key={type} className="choice">
              <input type="radio" value={type} {...form.register('type')} />
              {VENDOR_TYPE_TEXT[type]}
            </label>
          ))}
          {errors.type ? (
            <span id="vendor-type-error" className="field-error" role="alert">
              {errors.type.message}
            </span>
          ) : null}
        </fieldset>
        <div className="form-grid">
          <Field
            id="vendor-display-name"
            label="Display name"
            error={errors.displayName?.message}
            hint="Organizers see this name, never your email address."
            required
          >
            <input {...ctl('displayName', 'vendor-display-name')} maxLength={80} />
          </Field>
          <Field id="vendor-city" label="City" error={errors.city?.message}>
            <input {...ctl('city', 'vendor-city')} maxLength={80} />
          </Field>
        </div>
        <div style={{ marginTop: '0.75rem' }}>
          <Field id="vendor-description" label="Description" error={errors.description?.message}>
            <textarea {...ctl('description', 'vendor-description')} maxLength={2000} />
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
