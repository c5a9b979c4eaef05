'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ListState, Notice, StatusBadge } from '@souk/ui';
import { UploadField, type UploadKind } from '@/components/upload-field';
import { useTRPC } from '@/trpc/react';
import type { MyVendor } from '../_components/vendor-words';

type FileSlot = { kind: UploadKind; label: string; accept?: string };

const SLOTS: Record<MyVendor['type'], FileSlot[]> = {
  venue_owner: [
    { kind: 'venue_photo', label: 'Venue photo', accept: 'image/*' },
    { kind: 'venue_blueprint', label: 'Venue blueprint' },
  ],
  service_provider: [{ kind: 'service_portfolio', label: 'Portfolio file' }],
};

const KIND_TEXT: Partial<Record<UploadKind, string>> = {
  venue_photo: 'Venue photo',
  venue_blueprint: 'Venue blueprint',
  service_portfolio: 'Portfolio',
};

export function VendorFiles({ vendorType }: { vendorType: MyVendor['type'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const slots = SLOTS[vendorType];
  const files = useQuery(trpc.uploads.listMine.queryOptions({}));
  const mine = (files.data ?? []).filter((file) => slots.some((slot) => slot.kind === file.kind));

  return (
    <>
      <p className="muted">
        {vendorType === 'venue_owner'
          ? 'Photos and a floor plan help organizers picture the event in your venue.'
          : 'Show organizers examples of your work.'}
      </p>
      <div className="card form-grid">
        {slots.map((slot) => (
          <UploadField
            key={slot.kind}
            kind={slot.kind}
            label={slot.label}
            accept={slot.accept}
            onUploaded={() =>
              void queryClient.invalidateQueries({ queryKey: trpc.uploads.pathKey() })
            }
          />
        ))}
      </div>
      <h3 className="vendor-subheading">Your files</h3>
      <Notice kind="error">{files.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Your files">
          <thead>
            <tr>
              <th>File</th>
              <th>Kind</th>
              <th>Status</th>
              <th>Uploaded</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((file) => (
              <tr key={file.id}>
                <td>{file.fileName}</td>
                <td>{KIND_TEXT[file.kind] ?? file.kind}</td>
                <td>
                  <StatusBadge status={file.status} />
                  {file.rejectReason ? <div className="muted">{file.rejectReason}</div> : null}
                </td>
                <td>{file.createdAt.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={files.isLoading}
          isEmpty={files.data !== undefined && mine.length === 0}
          emptyText="No files yet."
        />
      </div>
    </>
  );
}
