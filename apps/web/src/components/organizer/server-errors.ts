import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@souk/api';

export type FieldMessages = Record<string, string>;

/** A failed procedure's message (for the alert) and its first message per field. */
export function serverErrors(error: unknown): { message: string; fields: FieldMessages } {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as
      { fieldErrors?: Record<string, string[]> | null } | undefined;
    const fields: FieldMessages = {};
    for (const [path, messages] of Object.entries(data?.fieldErrors ?? {}))
      fields[path] = messages[0] ?? 'Invalid';
    return { message: error.message, fields };
  }
  return { message: 'Something went wrong. Please try again.', fields: {} };
}

/** The first message for a field or any of its items (`serviceVendorIds.2`). */
export function fieldMessage(fields: FieldMessages, name: string): string | undefined {
  if (fields[name]) return fields[name];
  const nested = Object.keys(fields).find((key) => key.startsWith(`${name}.`));
  return nested ? fields[nested] : undefined;
}
