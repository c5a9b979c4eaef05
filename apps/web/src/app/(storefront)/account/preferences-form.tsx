'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { preferencesInput } from '@souk/core/client';
import { formErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

export function PreferencesForm({ initial }: { initial: { orderUpdates: boolean } }) {
  const trpc = useTRPC();
  // The box follows the click at once and is saved right away; a failed save puts it back.
  const form = useForm({ resolver: zodResolver(preferencesInput), defaultValues: initial });
  const save = useMutation(
    trpc.checkout.setMyPreferences.mutationOptions({
      onSuccess: (data) => form.reset({ orderUpdates: data.orderUpdates }),
      onError: (_error, variables) => form.setValue('orderUpdates', !variables.orderUpdates),
    }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <label className="checkbox" htmlFor="pref-order-updates">
        <input
          id="pref-order-updates"
          type="checkbox"
          {...form.register('orderUpdates', { onChange: () => void submit() })}
        />
        Email me updates about my orders
      </label>
      {save.isSuccess ? (
        <p className="notice notice-success" role="status">
          Preferences saved
        </p>
      ) : null}
      {save.error ? (
        <p className="notice notice-error" role="alert">
          {formErrors(save.error, { shown: [] }).summary}
        </p>
      ) : null}
    </form>
  );
}
