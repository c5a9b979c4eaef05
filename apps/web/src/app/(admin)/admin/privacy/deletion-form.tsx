'use client';

import { useMutation } from '@tanstack/react-query';
import { requestDeletionInput } from '@souk/core/client';
import { useTRPC } from '@/trpc/react';
import { SubjectEmailForm } from './subject-email-form';

export function DeletionForm() {
  const trpc = useTRPC();
  const run = useMutation(trpc.privacy.requestDeletion.mutationOptions());
  return (
    <SubjectEmailForm
      label="Request deletion"
      id="privacy-deletion-email"
      schema={requestDeletionInput}
      hint="Orders placed as a guest with this email count too."
      submitLabel="Request deletion"
      clearOnDone
      send={async (input) => {
        const { created, matched } = await run.mutateAsync(input);
        const found = matched.account
          ? `an account and ${matched.orders} orders`
          : `${matched.orders} orders`;
        return created
          ? `Deletion requested (${found} found). Retention cleanup erases them.`
          : `A deletion request for this person is already pending (${found} found).`;
      }}
    />
  );
}
