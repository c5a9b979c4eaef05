'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';

export function PreferencesForm({ initial }: { initial: { orderUpdates: boolean } }) {
  const trpc = useTRPC();
  // Local state so the box follows the click at once; a failed save puts it back.
  const [checked, setChecked] = useState(initial.orderUpdates);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.checkout.setMyPreferences.mutationOptions({
      onMutate: () => setSaved(false),
      onSuccess: (data) => {
        setChecked(data.orderUpdates);
        setSaved(true);
      },
      onError: (_error, variables) => setChecked(!variables.orderUpdates),
    }),
  );

  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <label className="checkbox" htmlFor="pref-order-updates">
        <input
          id="pref-order-updates"
          type="checkbox"
          checked={checked}
          onChange={(e) => {
            setChecked(e.target.checked);
            save.mutate({ orderUpdates: e.target.checked });
          }}
        />
        Email me updates about my orders
      </label>
      {saved && !save.isPending ? (
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
