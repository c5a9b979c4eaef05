// Demo data for the zero-config start. Idempotent: re-running adds what is missing
// and never overwrites what an admin changed (products, passwords).
import bcrypt from 'bcryptjs';
import { appDatabaseUrl, createDb, type Db } from './client';
import type { Role } from './generated/prisma/enums';
import type { Prisma } from './generated/prisma/client';
import { withTenant } from './tenant';

export const DEMO_PASSWORD = 'souk-demo-password';

export interface DemoLogin {
  email: string;
  role: Role;
  org: string;
}

const DEMO_ORGS = [
  { slug: 'demo', name: 'Souk Demo' },
  { slug: 'acme', name: 'Acme Rival Co' },
] as const;

export const DEMO_LOGINS: DemoLogin[] = [
  { email: 'owner@souk.test', role: 'OWNER', org: 'demo' },
  { email: 'admin@souk.test', role: 'ADMIN', org: 'demo' },
  { email: 'finance@souk.test', role: 'FINANCE', org: 'demo' },
  { email: 'dispatcher@souk.test', role: 'DISPATCHER', org: 'demo' },
  { email: 'viewer@souk.test', role: 'VIEWER', org: 'demo' },
  { email: 'vendor@souk.test', role: 'VENDOR', org: 'demo' },
  { email: 'venue@souk.test', role: 'VENDOR', org: 'demo' },
  { email: 'customer@souk.test', role: 'CUSTOMER', org: 'demo' },
  // Has no vendor profile yet: the one to try vendor onboarding with.
  { email: 'applicant@souk.test', role: 'CUSTOMER', org: 'demo' },
  { email: 'owner@acme.test', role: 'OWNER', org: 'acme' },
  { email: 'admin@acme.test', role: 'ADMIN', org: 'acme' },
];

type ProductSeed = Omit<Prisma.ProductCreateInput, 'org'>;

function instagramGrowth(orgId: string): ProductSeed {
  const group = (
    name: string,
    selectionType: 'single' | 'multiple',
    isRequired: boolean,
    position: number,
    options: [string, number][],
  ) => ({
    orgId,
    name,
    selectionType,
    isRequired,
    position,
    options: {
      create: options.map(([label, priceDeltaCents], i) => ({
        orgId,
        label,
        priceDeltaCents,
        position: i,
      })),
    },
  });
  return {
    slug: 'instagram-growth',
    name: 'Instagram Growth',
    description:
      'Managed organic growth for one Instagram account: targeted engagement, content calendar and monthly reporting.',
    basePriceCents: 4900,
    currency: 'USD',
    status: 'active',
    imageUrl: null,
    optionGroups: {
      create: [
        group('Audience size', 'single', true, 0, [
          ['Starter (up to 1k followers/mo)', 0],
          ['Growth (up to 5k followers/mo)', 3000],
          ['Scale (up to 15k followers/mo)', 9000],
        ]),
        group('Content formats', 'multiple', false, 1, [
          ['Reels strategy', 1500],
          ['Stories planning', 900],
          ['Carousel design', 1200],
        ]),
      ],
    },
    addOns: {
      create: [
        { orgId, label: 'Weekly analytics report', priceDeltaCents: 1900, position: 0 },
        { orgId, label: 'Competitor audit', priceDeltaCents: 2900, position: 1 },
      ],
    },
    customFields: {
      create: [
        {
          orgId,
          label: 'Instagram handle',
          fieldType: 'text',
          isRequired: true,
          placeholder: '@yourbrand',
          helpText: 'The account we will grow.',
          minLength: 2,
          maxLength: 31,
          pattern: '@?[A-Za-z0-9._]{1,30}',
          position: 0,
        },
        {
          orgId,
          label: 'Website',
          fieldType: 'url',
          isRequired: false,
          placeholder: 'https://',
          position: 1,
        },
        {
          orgId,
          label: 'Posts per week',
          fieldType: 'number',
          isRequired: false,
          minValue: 1,
          maxValue: 21,
          helpText: 'How often you publish today.',
          position: 2,
        },
      ],
    },
    subscriptionPlans: {
      create: [
        { orgId, label: 'One-off month', billingCycle: 'one_time', isDefault: true, position: 0 },
        { orgId, label: 'Monthly', billingCycle: 'monthly', priceMultiplierBps: 9500, position: 1 },
        {
          orgId,
          label: 'Quarterly',
          billingCycle: 'quarterly',
          priceMultiplierBps: 9000,
          position: 2,
        },
        {
          orgId,
          label: 'Annual',
          billingCycle: 'annual',
          priceMultiplierBps: 8000,
          priceDeltaCents: -500,
          position: 3,
        },
      ],
    },
  };
}

function simpleProducts(): ProductSeed[] {
  return [
    {
      slug: 'brand-photo-session',
      name: 'Brand Photo Session',
      description: 'A two-hour studio session with 20 edited photos.',
      basePriceCents: 35000,
      currency: 'USD',
      status: 'active',
    },
    {
      slug: 'tiktok-launch-kit',
      name: 'TikTok Launch Kit',
      description: 'Draft: a starter pack of scripts and sounds.',
      basePriceCents: 12900,
      currency: 'USD',
      status: 'draft',
    },
  ];
}

// Approved vendors and templates for the demo marketplace (spec 004).
const DEMO_VENDORS = [
  {
    email: 'venue@souk.test',
    type: 'venue_owner',
    displayName: 'Harbor Hall',
    city: 'Lisbon',
    description:
      'A riverside hall for up to 180 guests, with a terrace and in-house catering kitchen.',
  },
  {
    email: 'vendor@souk.test',
    type: 'service_provider',
    displayName: 'Lens & Light Photography',
    city: 'Lisbon',
    description: 'Event photography: candid coverage, portraits and a same-week gallery.',
  },
] as const;

const DEMO_TEMPLATES = [
  {
    name: 'Wedding reception',
    summary: 'An evening reception for 80-150 guests: venue, catering, music and photos.',
    details:
      'Timeline: 17:00 guests arrive, 18:00 dinner, 20:00 first dance, 23:30 last song. Book the venue first, then photography and music. Budget split we see most: venue 45%, catering 30%, music 10%, photography 15%.',
    suggestedGuests: 120,
  },
  {
    name: 'Team offsite',
    summary: 'A one-day company offsite with a workshop room and a dinner.',
    details:
      'Morning workshop 09:30-12:30, lunch on site, afternoon breakout sessions, dinner at 19:00. Ask the venue for a projector and two breakout rooms.',
    suggestedGuests: 40,
  },
];

async function seedMarketplace(
  tx: Prisma.TransactionClient,
  orgId: string,
  users: Map<string, string>,
) {
  for (const vendor of DEMO_VENDORS) {
    const userId = users.get(vendor.email);
    if (!userId) continue;
    const { email: _email, ...profile } = vendor;
    await tx.vendor.upsert({
      where: { orgId_userId: { orgId, userId } },
      update: {},
      create: { ...profile, orgId, userId, status: 'approved', reviewedAt: new Date() },
    });
  }
  if ((await tx.eventTemplate.count()) === 0) {
    await tx.eventTemplate.createMany({ data: DEMO_TEMPLATES.map((t) => ({ ...t, orgId })) });
  }
}

async function ensureUser(db: Db, email: string, passwordHash: string) {
  return db.user.upsert({
    where: { email },
    update: {},
    create: {
      email,
      name: email.split('@')[0] ?? email,
      passwordHash,
      emailVerifiedAt: new Date(),
    },
  });
}

export async function seedDatabase(
  db: Db,
): Promise<{ orgs: number; users: number; products: number }> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 11);
  let products = 0;
  for (const orgSeed of DEMO_ORGS) {
    const org = await db.organization.upsert({
      where: { slug: orgSeed.slug },
      update: {},
      create: { slug: orgSeed.slug, name: orgSeed.name },
    });
    const logins = DEMO_LOGINS.filter((l) => l.org === orgSeed.slug);
    const users = await Promise.all(logins.map((l) => ensureUser(db, l.email, passwordHash)));
    await withTenant(db, { orgId: org.id }, async (tx) => {
      for (const [i, login] of logins.entries()) {
        const user = users[i];
        if (!user) continue;
        await tx.membership.upsert({
          where: { orgId_userId: { orgId: org.id, userId: user.id } },
          update: {},
          create: { orgId: org.id, userId: user.id, role: login.role },
        });
      }
      // Every org is on a plan; the billing pages read it (created as a default otherwise).
      await tx.orgPlan.createMany({ data: [{ orgId: org.id }], skipDuplicates: true });
      if (orgSeed.slug === 'demo') {
        const byEmail = new Map(users.map((u) => [u.email, u.id]));
        await seedMarketplace(tx, org.id, byEmail);
      }
      // The recorded usage counters start equal to what was seeded (the billing page's drift
      // check compares them with the rows; see @souk/core org/usage-counters.ts).
      await tx.$executeRaw`
        INSERT INTO usage_counters (id, "orgId", metric, period, value, "updatedAt")
        SELECT gen_random_uuid(), ${org.id}::uuid, m.metric::"UsageMetric", m.period, m.value, now()
        FROM (
          SELECT 'workers' AS metric, 'current' AS period, count(*)::bigint AS value
            FROM memberships WHERE "orgId" = ${org.id}::uuid AND "disabledAt" IS NULL
             AND role IN ('OWNER', 'ADMIN', 'FINANCE', 'DISPATCHER', 'VIEWER')
          UNION ALL
          SELECT 'storage_bytes', 'current', COALESCE(sum("sizeBytes"), 0)::bigint
            FROM uploads WHERE "orgId" = ${org.id}::uuid AND status = 'stored'
          UNION ALL
          SELECT 'bookings', to_char("createdAt", 'YYYY-MM'), count(*)::bigint
            FROM bookings WHERE "orgId" = ${org.id}::uuid GROUP BY 2
        ) m
        ON CONFLICT ("orgId", metric, period) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`;
      const catalog =
        orgSeed.slug === 'demo' ? [instagramGrowth(org.id), ...simpleProducts()] : simpleProducts();
      for (const product of catalog) {
        const exists = await tx.product.findUnique({
          where: { orgId_slug: { orgId: org.id, slug: product.slug } },
          select: { id: true },
        });
        if (exists) continue;
        await tx.product.create({ data: { ...product, org: { connect: { id: org.id } } } });
        products += 1;
      }
    });
  }
  return { orgs: DEMO_ORGS.length, users: DEMO_LOGINS.length, products };
}

/** Entry used by `pnpm db:seed` and `pnpm start`. */
export async function seed(
  ownerUrl: string,
): Promise<{ orgs: number; users: number; products: number }> {
  const db = createDb(appDatabaseUrl(ownerUrl), { max: 2 });
  try {
    return await seedDatabase(db);
  } finally {
    await db.$disconnect();
  }
}
