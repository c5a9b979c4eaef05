import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import type { ListSessionsInput } from './schemas';
import { pageArgs, NEWEST_FIRST } from '../page';

const sessionRow = {
  id: true,
  invoiceId: true,
  processorSessionId: true,
  url: true,
  status: true,
  amountCents: true,
  currency: true,
  expiresAt: true,
  completedAt: true,
  abandonedAt: true,
  expiredAt: true,
  recoveryAttempts: true,
  lastRecoveryAt: true,
  lastPaymentError: true,
  replacedById: true,
  createdAt: true,
  updatedAt: true,
  invoice: {
    select: {
      number: true,
      status: true,
      order: { select: { id: true, number: true, customerEmail: true, status: true } },
    },
  },
} satisfies Prisma.HostedCheckoutSessionSelect;

export async function listCheckoutSessions({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListSessionsInput;
}) {
  const where = input.status ? { status: input.status } : {};
  const [total, rows] = await Promise.all([
    ctx.tx.hostedCheckoutSession.count({ where }),
    ctx.tx.hostedCheckoutSession.findMany({
      where,
      select: sessionRow,
      orderBy: NEWEST_FIRST,
      ...pageArgs(input),
    }),
  ]);
  return { total, rows };
}

export async function getCheckoutSession({ ctx, id }: { ctx: TenantContext; id: string }) {
  const session = await ctx.tx.hostedCheckoutSession.findUnique({
    where: { id },
    select: sessionRow,
  });
  if (!session) throw AppError.notFound('Checkout session');
  return session;
}
