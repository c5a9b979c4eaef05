import { z } from 'zod';
import { email, page, pageSize, uuidId } from '../validation';

// Emails are kept lowercase (data_requests has a CHECK), so the same person asked for
// twice is one pending request whatever the casing.
const subjectEmail = () => email('Enter the person’s email address').toLowerCase();

export const requestDeletionInput = z.object({ email: subjectEmail() });
export type RequestDeletionInput = z.infer<typeof requestDeletionInput>;

/** The export form: an email address. The API also takes a customer's id instead. */
export const exportPersonalDataForm = z.object({ email: subjectEmail() });

export const exportPersonalDataInput = z
  .object({
    email: subjectEmail().optional(),
    customerId: uuidId('Unknown customer').optional(),
  })
  .refine((input) => (input.email === undefined) !== (input.customerId === undefined), {
    message: 'Enter an email address or choose a customer (one of them)',
    path: ['email'],
  });
export type ExportPersonalDataInput = z.infer<typeof exportPersonalDataInput>;

export const DATA_REQUEST_KINDS = ['export', 'deletion'] as const;
export const DATA_REQUEST_STATUSES = ['pending', 'completed'] as const;

export const listDataRequestsInput = z.object({
  kind: z.enum(DATA_REQUEST_KINDS).optional(),
  status: z.enum(DATA_REQUEST_STATUSES).optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListDataRequestsInput = z.infer<typeof listDataRequestsInput>;
