import type { z } from 'zod';
import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { actorOrThrow } from './gateway';
import { redactContactInfo } from './redact';
import type { listModerationInput, reportModerationInput } from './schemas';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';

/** Reports are stored already redacted: the raw contact details never reach the table. */
export async function reportModeration({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof reportModerationInput>;
}) {
  const actor = actorOrThrow(ctx);
  if (input.bookingId) {
    const booking = await ctx.tx.booking.findUnique({
      where: { id: input.bookingId },
      select: { id: true },
    });
    if (!booking) throw AppError.field('bookingId', 'That booking does not exist');
  }
  return ctx.tx.moderationEvent.create({
    data: {
      orgId: ctx.orgId,
      kind: input.kind,
      userId: actor.userId,
      bookingId: input.bookingId ?? null,
      text: redactContactInfo(input.text),
    },
  });
}

export async function listModeration({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listModerationInput>;
}) {
  const where: Prisma.ModerationEventWhereInput = {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.bookingId ? { bookingId: input.bookingId } : {}),
  };
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.moderationEvent.count({ where });
  const rows = await ctx.tx.moderationEvent.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
