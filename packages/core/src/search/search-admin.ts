import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { customerRows, customerOrderBy } from '../customers/customer-rows';
import { formatMoney } from '../money';
import { INT4_MAX } from '../validation';
import type { SearchAdminInput, SearchKind } from './schemas';

export interface SearchHit {
  id: string;
  title: string;
  subtitle: string;
  href: string;
}

export interface SearchGroup {
  kind: SearchKind;
  items: SearchHit[];
}

/** "123" or "#123" as an order or booking number; null for anything else or past int4. */
function numberIn(q: string): number | null {
  const digits = /^#?\s*(\d{1,10})$/.exec(q)?.[1];
  if (!digits) return null;
  const value = Number(digits);
  return value <= INT4_MAX ? value : null;
}

const contains = (q: string) => ({ contains: q, mode: 'insensitive' as const });

/**
 * The admin's command palette: a few of each kind of row matching `q`, for the kinds the
 * caller's role may list (`kinds`, worked out from the role by the caller). One query per
 * kind, one after another: they share the request's RLS transaction, so only the org's
 * rows come back.
 */
export async function searchAdmin({
  ctx,
  input,
  kinds,
}: {
  ctx: TenantContext;
  input: SearchAdminInput;
  kinds: readonly SearchKind[];
}): Promise<SearchGroup[]> {
  const { q, limit } = input;
  const number = numberIn(q);
  const { tx, orgId } = ctx;
  const groups: SearchGroup[] = [];

  if (kinds.includes('order')) {
    const where: Prisma.OrderWhereInput = {
      orgId,
      OR: [
        ...(number === null ? [] : [{ number }]),
        { customerEmail: contains(q) },
        { customer: { name: contains(q) } },
      ],
    };
    const orders = await tx.order.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { id: true, number: true, customerEmail: true, totalCents: true, currency: true },
    });
    groups.push({
      kind: 'order',
      items: orders.map((o) => ({
        id: o.id,
        title: `Order #${o.number}`,
        subtitle: `${o.customerEmail} · ${formatMoney(o.totalCents, o.currency.trim())}`,
        href: `/admin/orders/${o.id}`,
      })),
    });
  }

  if (kinds.includes('customer')) {
    // Who counts as a customer is the customer list's definition, searched the same way.
    const { rows } = await customerRows({
      tx,
      search: q,
      orderBy: customerOrderBy('name', 'asc'),
      limit,
    });
    groups.push({
      kind: 'customer',
      items: rows.map((c) => ({
        id: c.id,
        title: c.name ?? c.email,
        subtitle: c.name ? c.email : `${c.ordersCount} orders`,
        href: `/admin/customers/${c.id}`,
      })),
    });
  }

  if (kinds.includes('product')) {
    const products = await tx.product.findMany({
      where: { orgId, OR: [{ name: contains(q) }, { slug: contains(q) }] },
      orderBy: { name: 'asc' },
      take: limit,
      select: { id: true, name: true, slug: true },
    });
    groups.push({
      kind: 'product',
      items: products.map((p) => ({
        id: p.id,
        title: p.name,
        subtitle: p.slug,
        href: `/admin/products/${p.id}`,
      })),
    });
  }

  if (kinds.includes('booking')) {
    const bookings = await tx.booking.findMany({
      where: {
        orgId,
        OR: [...(number === null ? [] : [{ number }]), { organizer: { email: contains(q) } }],
      },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { id: true, number: true, organizer: { select: { email: true } } },
    });
    groups.push({
      kind: 'booking',
      items: bookings.map((b) => ({
        id: b.id,
        title: `Booking #${b.number}`,
        subtitle: b.organizer.email,
        href: `/admin/marketplace/bookings/${b.id}`,
      })),
    });
  }

  if (kinds.includes('vendor')) {
    const vendors = await tx.vendor.findMany({
      where: { orgId, OR: [{ displayName: contains(q) }, { user: { email: contains(q) } }] },
      orderBy: { displayName: 'asc' },
      take: limit,
      select: { id: true, displayName: true, user: { select: { email: true } } },
    });
    groups.push({
      kind: 'vendor',
      items: vendors.map((v) => ({
        id: v.id,
        title: v.displayName,
        subtitle: v.user.email,
        href: `/admin/marketplace/vendors?search=${encodeURIComponent(v.displayName)}`,
      })),
    });
  }

  return groups;
}
