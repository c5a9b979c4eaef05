'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DataTable, formatDateTime, StatusBadge, type DataTableColumn } from '@souk/ui';
import { UploadField, type UploadKind } from '@/components/upload-field';
import type { RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import type { MyVendor } from '../_components/vendor-words';

type FileSlot = { kind: UploadKind; label: string; accept?: string };
type MyFile = RouterOutputs['uploads']['listMyUploads'][number];

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

const FILE_COLUMNS: DataTableColumn<MyFile>[] = [
  { id: 'fileName', header: 'File', cell: (file) => file.fileName },
  { id: 'kind', header: 'Kind', cell: (file) => KIND_TEXT[file.kind] ?? file.kind },
  {
    id: 'status',
    header: 'Status',
    cell: (file) => (
      <>
        <StatusBadge status={file.status} />
        {file.rejectReason ? <div className="muted">{file.rejectReason}</div> : null}
      </>
    ),
  },
  { id: 'createdAt', header: 'Uploaded', cell: (file) => formatDateTime(file.createdAt) },
];

export function VendorFiles({ vendorType }: { vendorType: MyVendor['type'] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const slots = SLOTS[vendorType];
  const files = useQuery(trpc.uploads.listMyUploads.queryOptions({}));
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
      <DataTable
        label="Your files"
        noun={['file', 'files']}
        columns={FILE_COLUMNS}
        data={files.data === undefined ? undefined : mine}
        total={files.data === undefined ? undefined : mine.length}
        getRowId={(file) => file.id}
        isLoading={files.isLoading}
        error={files.error?.message}
        emptyText="No files yet."
      />
    </>
  );
}
