'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';

export function PreferencesForm({ initial }: { initial: { orderUpdates: boolean } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const prefs = useQuery(
    trpc.checkout.myPreferences.queryOptions(undefined, { initialData: initial }),
  );
  const save = useMutation(
    trpc.checkout.setMyPreferences.mutationOptions({
      onMutate: () => setSaved(false),
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.checkout.myPreferences.queryKey(), data);
        setSaved(true);
      },
    }),
  );
  const checked = save.isPending
    ? (save.variables?.orderUpdates ?? prefs.data.orderUpdates)
    : prefs.data.orderUpdates;

  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <label className="checkbox" htmlFor="pref-order-updates">
        <input
          id="pref-order-updates"
          type="checkbox"
          checked={checked}
          disabled={save.isPending}
          onChange={(e) => save.mutate({ orderUpdates: e.target.checked })}
        />
        Email me updates about my orders
      </label>
      {saved ? (
        <p className="notice notice-success" role="status">
          Preferences saved
        </p>
      ) : null}
      {save.error ? (
        <p className="notice notice-error" role="alert">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
