import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { customerOrNotFound } from './customer-or-not-found';
import type { AddCustomerNoteInput } from './schemas';

/** A staff note on a customer's profile, audited with it. */
export async function addCustomerNote({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: AddCustomerNoteInput;
}) {
  await customerOrNotFound(ctx, input.customerId);
  const note = await ctx.tx.customerNote.create({
    data: {
      orgId: ctx.orgId,
      customerId: input.customerId,
      authorId: ctx.actor?.userId ?? null,
      body: input.body,
    },
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  });
  await recordAudit(ctx, {
    action: 'customer.note_added',
    entityType: 'customer',
    entityId: input.customerId,
    after: { noteId: note.id, body: note.body },
  });
  return note;
}
