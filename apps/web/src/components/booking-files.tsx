'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@souk/api';
import { formatDateTime, Notice } from '@souk/ui';
import { ListTable, type ListColumn } from '@/components/list-table';
import { UploadField } from '@/components/upload-field';
import { fileSize } from '@/lib/file-size';
import { useTRPC } from '@/trpc/react';

type BookingFile = RouterOutputs['uploads']['listBookingFiles'][number];

// Download links live a few minutes: fetch fresh ones a little before they run out.
const REFRESH_MARGIN_MS = 15_000;
const MIN_REFRESH_MS = 5_000;

const COLUMNS: readonly ListColumn<BookingFile>[] = [
  {
    header: 'File',
    // A plain link: the signed URL is for a click, not a prefetch.
    cell: (file) => (
      <a href={file.url} rel="noreferrer">
        {file.fileName}
      </a>
    ),
  },
  { header: 'Type', cell: (file) => file.contentType },
  { header: 'Size', className: 'num', cell: (file) => fileSize(file.sizeBytes) },
  { header: 'Added', cell: (file) => formatDateTime(file.storedAt ?? file.createdAt) },
  {
    header: 'From',
    cell: (file) => (file.isMine ? 'You' : (file.vendorName ?? 'The organizer')),
  },
];

/**
 * The photos and files attached to one booking, for its organizer and its vendors: the
 * list (each behind a short-lived download link) and a control to attach one more.
 */
export function BookingFiles({ bookingId, intro }: { bookingId: string; intro: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const files = useQuery(
    trpc.uploads.listBookingFiles.queryOptions(
      { bookingId },
      {
        refetchInterval: (q) => {
          const soonest = Math.min(
            ...(q.state.data ?? []).map((f) => new Date(f.urlExpiresAt).getTime()),
          );
          return Number.isFinite(soonest)
            ? Math.max(MIN_REFRESH_MS, soonest - Date.now() - REFRESH_MARGIN_MS)
            : false;
        },
      },
    ),
  );

  return (
    <section aria-labelledby="booking-files-heading" className="booking-section">
      <h2 id="booking-files-heading">Files</h2>
      <p className="muted">{intro}</p>
      {files.data ? (
        <ListTable
          label="Files of this booking"
          columns={COLUMNS}
          rows={files.data}
          emptyText="No files yet."
        />
      ) : files.error ? (
        <Notice kind="error">{files.error.message}</Notice>
      ) : (
        <p className="muted" role="status">
          Loading files…
        </p>
      )}
      <div className="card form-grid">
        <UploadField
          kind="booking_photo"
          bookingId={bookingId}
          label="Attach a file"
          onUploaded={() =>
            void queryClient.invalidateQueries({
              queryKey: trpc.uploads.listBookingFiles.queryKey({ bookingId }),
            })
          }
        />
      </div>
    </section>
  );
}
