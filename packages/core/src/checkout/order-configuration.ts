import { z } from 'zod';
import type { BillingCycle } from '@souk/db';
import type { TenantContext } from '../context';

// An item's configuration is the JSON snapshot written at checkout; read what staff need
// and tolerate snapshots older than today's shape.
const snapshotSchema = z.object({
  selection: z
    .object({
      planId: z.string().nullable().optional(),
      customFields: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  lines: z
    .array(
      z.object({
        kind: z.enum(['base', 'option', 'addOn', 'plan']),
        label: z.string(),
        amountCents: z.number(),
      }),
    )
    .optional(),
});

export interface ItemConfiguration {
  /** Chosen options ("Audience size: Growth") and add-ons, with what each added. */
  choices: { kind: 'option' | 'addOn'; label: string; amountCents: number }[];
  customFields: { label: string; value: string }[];
  plan: { label: string; billingCycle: BillingCycle | null; amountCents: number | null } | null;
}

/**
 * What the customer chose for each item, in words: the priced lines of the snapshot,
 * custom field answers under their labels and the plan with its billing cycle. Labels
 * of fields and plans are looked up in one query each for all items; one deleted since
 * keeps what the snapshot says.
 */
export async function readConfigurations(
  ctx: TenantContext,
  configurations: unknown[],
): Promise<ItemConfiguration[]> {
  const snapshots = configurations.map((c) => {
    const parsed = snapshotSchema.safeParse(c);
    return parsed.success ? parsed.data : {};
  });
  const uuid = z.uuid();
  const planIds = snapshots.flatMap((s) => {
    const id = s.selection?.planId;
    return id && uuid.safeParse(id).success ? [id] : [];
  });
  const fieldIds = snapshots.flatMap((s) =>
    Object.keys(s.selection?.customFields ?? {}).filter((id) => uuid.safeParse(id).success),
  );
  const plans =
    planIds.length > 0
      ? await ctx.tx.productSubscriptionPlan.findMany({
          where: { id: { in: planIds } },
          select: { id: true, label: true, billingCycle: true },
        })
      : [];
  const fields =
    fieldIds.length > 0
      ? await ctx.tx.productCustomField.findMany({
          where: { id: { in: fieldIds } },
          select: { id: true, label: true },
        })
      : [];
  const planById = new Map(plans.map((p) => [p.id, p]));
  const fieldLabel = new Map(fields.map((f) => [f.id, f.label]));

  return snapshots.map((snapshot) => {
    const lines = snapshot.lines ?? [];
    const planId = snapshot.selection?.planId ?? null;
    const plan = planId ? planById.get(planId) : undefined;
    const planLine = lines.find((l) => l.kind === 'plan');
    return {
      choices: lines.flatMap((l) =>
        l.kind === 'option' || l.kind === 'addOn'
          ? [{ kind: l.kind, label: l.label, amountCents: l.amountCents }]
          : [],
      ),
      customFields: Object.entries(snapshot.selection?.customFields ?? {}).map(([id, value]) => ({
        label: fieldLabel.get(id) ?? 'Field no longer on the product',
        value,
      })),
      plan:
        plan || planLine
          ? {
              label: plan?.label ?? planLine?.label ?? 'Plan',
              billingCycle: plan?.billingCycle ?? null,
              amountCents: planLine?.amountCents ?? null,
            }
          : null,
    };
  });
}
