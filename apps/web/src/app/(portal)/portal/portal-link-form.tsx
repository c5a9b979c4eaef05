'use client';

import { useMutation } from '@tanstack/react-query';
import { requestPortalLinkInput } from '@souk/core/client';
import { EmailLinkForm } from '@/components/email-link-form';
import { useTRPC } from '@/trpc/react';

export function PortalLinkForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.portal.requestLink.mutationOptions());
  return (
    <EmailLinkForm
      id="portal-email"
      schema={requestPortalLinkInput}
      mutation={request}
      submitLabel="Email me a link"
      // The same words whether or not the address is known (the server says them).
      sent={(data) => `${data.message}. Open it on this device; it works once.`}
    />
  );
}
