'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { updateVendorProfileInput } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { useTRPC } from '@/trpc/react';
import { applyFormErrors } from '@/lib/form-errors';

type Profile = { displayName: string; city: string; description: string };

export function ProfileForm({ initial }: { initial: Profile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(updateVendorProfileInput), defaultValues: initial });
  const { errors } = form.formState;
  const [summary, setSummary] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = useMutation(
    trpc.marketplace.vendor.updateVendorProfile.mutationOptions({
      onMutate: () => {
        setSummary(null);
        setSaved(null);
      },
      onError: (error) =>
        setSummary(applyFormErrors(form.setError, error, { shown: Object.keys(initial) })),
      onSuccess: async (vendor) => {
        form.reset({
          displayName: vendor.displayName,
          city: vendor.city,
          description: vendor.description,
        });
        setSaved('Profile saved.');
        await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
        router.refresh();
      },
    }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  const ctl = (name: keyof Profile, id: string) => ({
    ...fieldControlProps(id, errors[name]?.message),
    ...form.register(name),
  });

  return (
    <form aria-label="Profile" noValidate onSubmit={(e) => void submit(e)}>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{saved}</Notice>
      <fieldset disabled={save.isPending} className="vendor-fieldset card">
        <div className="form-grid">
          <Field
            id="profile-display-name"
            label="Display name"
            error={errors.displayName?.message}
            hint="Organizers see this name, never your email address."
            required
          >
            <input {...ctl('displayName', 'profile-display-name')} maxLength={80} />
          </Field>
          <Field id="profile-city" label="City" error={errors.city?.message}>
            <input {...ctl('city', 'profile-city')} maxLength={80} />
          </Field>
        </div>
        <div style={{ marginTop: '0.75rem' }}>
          <Field id="profile-description" label="Description" error={errors.description?.message}>
            <textarea {...ctl('description', 'profile-description')} maxLength={2000} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Save profile
          </button>
        </div>
      </fieldset>
    </form>
  );
}
