'use client';

import { useMutation } from '@tanstack/react-query';
import { exportPersonalDataForm } from '@souk/core/client';
import { useTRPC } from '@/trpc/react';
import { SubjectEmailForm } from './subject-email-form';

/** Offers the bundle as a file: the browser saves it, nothing is kept on the server. */
function download(fileName: string, bundle: unknown) {
  const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function ExportForm() {
  const trpc = useTRPC();
  const run = useMutation(trpc.privacy.exportPersonalData.mutationOptions());
  return (
    <SubjectEmailForm
      label="Export personal data"
      id="privacy-export-email"
      schema={exportPersonalDataForm}
      submitLabel="Download JSON"
      send={async (input) => {
        const { bundle, requestId } = await run.mutateAsync(input);
        download(`personal-data-${requestId}.json`, bundle);
        return (
          `Downloaded: ${bundle.orders.length} orders, ${bundle.invoices.length} invoices, ` +
          `${bundle.bookings.length} bookings, ${bundle.files.length} files.`
        );
      }}
    />
  );
}
