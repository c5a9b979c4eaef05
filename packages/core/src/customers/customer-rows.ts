import { Prisma, type Role, type Tx } from '@souk/db';

/** A customer as the list, the profile and the CSV export show them. */
export interface CustomerRow {
  id: string;
  email: string;
  name: string | null;
  /** Their membership in this org, if any: someone may order without one. */
  role: Role | null;
  /** When they joined this org, or else first ordered or booked here. */
  memberSince: Date;
  ordersCount: number;
  bookingsCount: number;
  /** Paid minus refunded over the org's paid invoices in `currency`, in cents. */
  lifetimeValueCents: number;
  currency: string;
  lastOrderAt: Date | null;
}

type RawRow = Omit<CustomerRow, 'lifetimeValueCents'> & {
  lifetimeValueCents: bigint;
  total: bigint;
};

/** Newest-first position for the export's keyset paging. */
export interface CustomerKeyset {
  at: Date;
  id: string;
}

export interface CustomerRowsQuery {
  tx: Tx;
  search?: string;
  userId?: string;
  /** Whitelisted ORDER BY terms, never text from a request. */
  orderBy: Prisma.Sql;
  limit: number;
  offset?: number;
  after?: CustomerKeyset | null;
}

// Invoices carry their own currency and the org has none of its own: the currency most of
// its invoices use stands for it, so the sum never adds dollars to euros.
const DEFAULT_CURRENCY = 'USD';

/**
 * The org's customers with their counts and lifetime value in one set-based query:
 * people with a CUSTOMER membership, or with an order (as a signed-in customer) or a
 * booking here. The org is the transaction's (the same setting RLS reads); users has no
 * RLS, so every other table is filtered by it explicitly as well.
 */
export async function customerRows(
  query: CustomerRowsQuery,
): Promise<{ rows: CustomerRow[]; total: number }> {
  const { tx, search, userId, orderBy, limit, offset = 0, after } = query;
  const conditions: Prisma.Sql[] = [];
  if (search) {
    conditions.push(Prisma.sql`(strpos(lower(c.email), lower(${search})) > 0
      OR strpos(lower(coalesce(c.name, '')), lower(${search})) > 0)`);
  }
  if (userId) conditions.push(Prisma.sql`c.id = ${userId}::uuid`);
  if (after) {
    // Columns hold UTC without a zone; the ISO text is read the same way whatever the session's.
    const at = after.at.toISOString();
    conditions.push(
      Prisma.sql`(c."memberSince", c.id) < ((${at}::timestamptz AT TIME ZONE 'UTC'), ${after.id}::uuid)`,
    );
  }
  const where = conditions.length
    ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`
    : Prisma.empty;
  const raw = await tx.$queryRaw<RawRow[]>`
    WITH org AS (
      SELECT NULLIF(current_setting('app.current_org_id', true), '')::uuid AS id
    ),
    org_currency AS (
      SELECT i.currency FROM invoices i
      WHERE i."orgId" = (SELECT id FROM org)
      GROUP BY i.currency ORDER BY count(*) DESC, i.currency LIMIT 1
    ),
    members AS (
      SELECT m."userId" AS id, m.role, m."createdAt" FROM memberships m
      WHERE m."orgId" = (SELECT id FROM org)
    ),
    order_stats AS (
      SELECT o."customerId" AS id, count(*)::int AS orders_count,
        max(o."createdAt") AS last_order_at, min(o."createdAt") AS first_order_at
      FROM orders o
      WHERE o."orgId" = (SELECT id FROM org) AND o."customerId" IS NOT NULL
      GROUP BY o."customerId"
    ),
    value_stats AS (
      SELECT o."customerId" AS id,
        sum(i."amountPaidCents"::bigint - i."amountRefundedCents") AS value_cents
      FROM invoices i JOIN orders o ON o.id = i."orderId"
      WHERE i."orgId" = (SELECT id FROM org) AND o."customerId" IS NOT NULL
        AND i.status IN ('paid', 'refunded')
        AND i.currency = (SELECT currency FROM org_currency)
      GROUP BY o."customerId"
    ),
    booking_stats AS (
      SELECT b."organizerId" AS id, count(*)::int AS bookings_count,
        min(b."createdAt") AS first_booking_at
      FROM bookings b
      WHERE b."orgId" = (SELECT id FROM org)
      GROUP BY b."organizerId"
    ),
    customer_ids AS (
      SELECT id FROM members WHERE role = 'CUSTOMER'
      UNION SELECT id FROM order_stats
      UNION SELECT id FROM booking_stats
    ),
    c AS (
      SELECT u.id, u.email, u.name, mb.role,
        COALESCE(mb."createdAt", LEAST(os.first_order_at, bs.first_booking_at)) AS "memberSince",
        COALESCE(os.orders_count, 0) AS "ordersCount",
        COALESCE(bs.bookings_count, 0) AS "bookingsCount",
        COALESCE(vs.value_cents, 0)::bigint AS "lifetimeValueCents",
        COALESCE((SELECT currency FROM org_currency), ${DEFAULT_CURRENCY}) AS currency,
        os.last_order_at AS "lastOrderAt"
      FROM customer_ids ci
      JOIN users u ON u.id = ci.id
      LEFT JOIN members mb ON mb.id = u.id
      LEFT JOIN order_stats os ON os.id = u.id
      LEFT JOIN booking_stats bs ON bs.id = u.id
      LEFT JOIN value_stats vs ON vs.id = u.id
    )
    SELECT c.*, count(*) OVER () AS total
    FROM c
    ${where}
    ORDER BY ${orderBy}
    LIMIT ${limit} OFFSET ${offset}`;
  const rows = raw.map(({ total: _total, lifetimeValueCents, currency, ...row }) => ({
    ...row,
    // char(3) comes back as text; the sum is bigint, and a lifetime fits a JS number.
    currency: currency.trim(),
    lifetimeValueCents: Number(lifetimeValueCents),
  }));
  return { rows, total: Number(raw[0]?.total ?? 0) };
}

/** The list's sort as SQL: missing dates last, the id breaking ties so pages never overlap. */
export function customerOrderBy(
  sort: 'name' | 'email' | 'lastOrderAt' | 'lifetimeValueCents',
  order: 'asc' | 'desc',
): Prisma.Sql {
  const direction = Prisma.raw(order === 'asc' ? 'ASC' : 'DESC');
  const column = {
    name: Prisma.sql`lower(coalesce(c.name, c.email))`,
    email: Prisma.sql`lower(c.email)`,
    lastOrderAt: Prisma.sql`c."lastOrderAt"`,
    lifetimeValueCents: Prisma.sql`c."lifetimeValueCents"`,
  }[sort];
  return Prisma.sql`${column} ${direction} NULLS LAST, c.id ${direction}`;
}

/** Newest customers first, the order the export's keyset follows. */
export const NEWEST_CUSTOMERS_FIRST = Prisma.sql`c."memberSince" DESC, c.id DESC`;
