'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { RouterInputs, RouterOutputs } from '@souk/api';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { useTRPC } from '@/trpc/react';

export type UploadKind = RouterInputs['uploads']['requestUpload']['kind'];
export type UploadedFile = RouterOutputs['uploads']['confirmUpload'];

type State =
  | { step: 'idle' }
  | { step: 'uploading'; name: string }
  | { step: 'done'; name: string }
  | { step: 'failed'; message: string };

/** The words of a failed PUT: our route answers `{error, message}`, S3 answers XML. */
async function putFailure(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON
  }
  const s3Message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return s3Message ?? `The upload failed (HTTP ${res.status})`;
}

/**
 * A file input that uploads on choice: ask the API for a presigned URL, PUT the
 * file there, then confirm, so the server checks the real bytes.
 */
export function UploadField({
  kind,
  bookingId,
  label,
  hint,
  accept,
  onUploaded,
}: {
  kind: UploadKind;
  /** The booking a `booking_photo` is attached to. */
  bookingId?: string;
  label: string;
  hint?: string;
  /** Narrows the picker (e.g. "image/*"); the server decides what is accepted. */
  accept?: string;
  onUploaded?: (upload: UploadedFile) => void;
}) {
  const id = useId();
  const trpc = useTRPC();
  const request = useMutation(trpc.uploads.requestUpload.mutationOptions());
  const confirm = useMutation(trpc.uploads.confirmUpload.mutationOptions());
  const [state, setState] = useState<State>({ step: 'idle' });

  async function upload(file: File) {
    setState({ step: 'uploading', name: file.name });
    try {
      const presigned = await request.mutateAsync({
        kind,
        bookingId,
        fileName: file.name,
        contentType: file.type || 'application/octet-stream',
        sizeBytes: file.size,
      });
      // Browsers set Content-Length from the body themselves (and refuse to be told).
      const headers = Object.fromEntries(
        Object.entries(presigned.headers).filter(
          ([name]) => name.toLowerCase() !== 'content-length',
        ),
      );
      const res = await fetch(presigned.url, { method: presigned.method, headers, body: file });
      if (!res.ok) throw new Error(await putFailure(res));
      const uploaded = await confirm.mutateAsync({ uploadId: presigned.uploadId });
      if (uploaded.status !== 'stored') {
        throw new Error(uploaded.rejectReason ?? 'The file was not accepted');
      }
      setState({ step: 'done', name: uploaded.fileName });
      onUploaded?.(uploaded);
    } catch (error) {
      setState({
        step: 'failed',
        message: error instanceof Error ? error.message : 'The upload failed',
      });
    }
  }

  const error = state.step === 'failed' ? state.message : null;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        {...fieldControlProps(id, error)}
        type="file"
        accept={accept}
        disabled={state.step === 'uploading'}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      {state.step === 'uploading' ? (
        <span className="field-hint" role="status">
          Uploading {state.name}…
        </span>
      ) : null}
      {state.step === 'done' ? <Notice kind="success">Uploaded {state.name}</Notice> : null}
    </Field>
  );
}
