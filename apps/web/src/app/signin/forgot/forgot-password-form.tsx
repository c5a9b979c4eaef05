'use client';

import { useMutation } from '@tanstack/react-query';
import { requestPasswordResetInput } from '@souk/core/client';
import { EmailLinkForm } from '@/components/email-link-form';
import { useTRPC } from '@/trpc/react';

// The same words whether or not the address has an account: the form tells nobody who does.
const SENT = 'If an account exists for this email, we sent a link to reset the password.';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  return (
    <EmailLinkForm
      id="forgot-email"
      schema={requestPasswordResetInput}
      mutation={request}
      submitLabel="Send reset link"
      sent={() => `${SENT} It works for 30 minutes.`}
    />
  );
}
