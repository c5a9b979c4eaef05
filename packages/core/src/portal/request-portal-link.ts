import type { TenantContext } from '../context';
import { coreEnv } from '../env';
import { AppError } from '../errors';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { clientBookingWhere, clientOrderWhere } from './portal-client';
import { signPortalLink } from './portal-link';
import { PORTAL_LINK_SENT } from './portal-messages';
import type { RequestPortalLinkInput } from './schemas';

/** One point from a per-minute bucket (the API passes @souk/auth's consumeRateLimit). */
export type ConsumeRateLimit = (
  bucket: string,
  pointsPerMinute: number,
  key: string,
) => Promise<{ allowed: boolean; retryAfterSeconds: number }>;

export const PORTAL_LINKS_PER_IP_PER_MINUTE = 5;
// Per address asked about, whoever asks: nobody floods a client's inbox from many IPs.
export const PORTAL_LINKS_PER_EMAIL_PER_MINUTE = 3;
export const PORTAL_LINK_TOPIC = 'portal.magic_link';

export interface PortalLinkSettings {
  secret: string;
  ttlMinutes: number;
  publicWebUrl: string;
}

export function portalLinkSettingsFromEnv(): PortalLinkSettings {
  return {
    secret: coreEnv.CLIENT_PORTAL_SECRET,
    ttlMinutes: coreEnv.CLIENT_PORTAL_TOKEN_TTL_MINUTES,
    publicWebUrl: coreEnv.PUBLIC_WEB_URL.replace(/\/+$/, ''),
  };
}

async function isKnownClient(ctx: TenantContext, email: string): Promise<boolean> {
  const user = await ctx.tx.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true },
  });
  if (user && !user.disabledAt) {
    const member = await ctx.tx.membership.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId: user.id } },
      select: { disabledAt: true },
    });
    if (member && !member.disabledAt) return true;
  }
  const order = await ctx.tx.order.findFirst({
    where: clientOrderWhere(email),
    select: { id: true },
  });
  if (order) return true;
  const booking = await ctx.tx.booking.findFirst({
    where: clientBookingWhere(email),
    select: { id: true },
  });
  return booking !== null;
}

/**
 * The portal's "email me a link": both limits are taken before anything is looked up,
 * so a refusal says nothing about the address, and the answer is the same whether or
 * not the address has anything in this org. A known address gets a one-time link,
 * written with its outbox email in this transaction.
 */
export async function requestPortalLink({
  ctx,
  input,
  consumeRateLimit,
  now = new Date(),
  settings = portalLinkSettingsFromEnv(),
}: {
  ctx: TenantContext;
  input: RequestPortalLinkInput;
  consumeRateLimit: ConsumeRateLimit;
  now?: Date;
  settings?: PortalLinkSettings;
}): Promise<{ message: string }> {
  const email = input.email.trim().toLowerCase();
  for (const [bucket, points, key] of [
    ['portal-link-ip', PORTAL_LINKS_PER_IP_PER_MINUTE, ctx.ip ?? 'unknown'],
    ['portal-link-email', PORTAL_LINKS_PER_EMAIL_PER_MINUTE, `${ctx.orgId}:${email}`],
  ] as const) {
    const limit = await consumeRateLimit(bucket, points, key);
    if (!limit.allowed) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many link requests. Try again in ${limit.retryAfterSeconds} seconds`,
        { retryAfterSeconds: limit.retryAfterSeconds },
      );
    }
  }
  if (!(await isKnownClient(ctx, email))) return { message: PORTAL_LINK_SENT };

  // Whole seconds: the link carries its expiry in unix seconds, equal to the row's.
  const expiresAt = new Date(Math.floor(now.getTime() / 1000 + settings.ttlMinutes * 60) * 1000);
  const row = await ctx.tx.portalLoginToken.create({
    data: { orgId: ctx.orgId, email, expiresAt },
  });
  const token = signPortalLink({ tokenId: row.id, orgId: ctx.orgId, expiresAt }, settings.secret);
  const link = `${settings.publicWebUrl}/portal/callback?token=${encodeURIComponent(token)}`;
  const org = await ctx.tx.organization.findUnique({
    where: { id: ctx.orgId },
    select: { name: true },
  });
  const orgName = org?.name ?? 'Souk';
  await enqueueOutbox(ctx, {
    dedupeKey: `portal-link:${row.id}`,
    channel: 'email',
    topic: PORTAL_LINK_TOPIC,
    recipient: email,
    subject: `Your sign-in link for ${orgName}`,
    body: [
      `Someone asked to open the client portal of ${orgName} as ${email}.`,
      `Open your bookings, invoices and orders: ${link}`,
      `The link works once, for ${settings.ttlMinutes} minutes. If you did not ask for it, ignore this email.`,
    ].join('\n\n'),
  });
  return { message: PORTAL_LINK_SENT };
}
