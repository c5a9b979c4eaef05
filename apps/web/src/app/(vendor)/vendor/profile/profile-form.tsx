'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { useTRPC } from '@/trpc/react';
import { formErrors, type FieldMessages } from '@/lib/form-errors';

type Profile = { displayName: string; city: string; description: string };

export function ProfileForm({ initial }: { initial: Profile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [draft, setDraft] = useState<Profile>(initial);
  const [summary, setSummary] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [saved, setSaved] = useState<string | null>(null);

  const save = useMutation(
    trpc.marketplace.vendor.updateProfile.mutationOptions({
      onMutate: () => setSaved(null),
      onError: (error) => {
        const parsed = formErrors(error, { shown: ['displayName', 'city', 'description'] });
        setSummary(parsed.summary);
        setErrors(parsed.fieldErrors);
      },
      onSuccess: async (vendor) => {
        setSummary(null);
        setErrors({});
        setDraft({
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
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (name: string) => errors[name] ?? null;

  return (
    <form
      aria-label="Profile"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{saved}</Notice>
      <fieldset disabled={save.isPending} className="vendor-fieldset card">
        <div className="form-grid">
          <Field
            id="profile-display-name"
            label="Display name"
            error={err('displayName')}
            hint="Organizers see this name, never your email address."
            required
          >
            <input
              {...fieldControlProps('profile-display-name', err('displayName'))}
              value={draft.displayName}
              maxLength={80}
              onChange={(e) => set('displayName', e.target.value)}
            />
          </Field>
          <Field id="profile-city" label="City" error={err('city')}>
            <input
              {...fieldControlProps('profile-city', err('city'))}
              value={draft.city}
              maxLength={80}
              onChange={(e) => set('city', e.target.value)}
            />
          </Field>
        </div>
        <div style={{ marginTop: '0.75rem' }}>
          <Field id="profile-description" label="Description" error={err('description')}>
            <textarea
              {...fieldControlProps('profile-description', err('description'))}
              value={draft.description}
              maxLength={2000}
              onChange={(e) => set('description', e.target.value)}
            />
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
