// Test helper: a storefront checkout of the demo "Brand photo session" ($350.00), as a
// signed-in customer starts it, with the given gateway (the sandbox in tests).
import { createOrgScope, startCheckout } from '@souk/core';
import type { Db } from '@souk/db';
import type { PaymentGateway } from '@souk/payments';

export function startTestCheckout({
  db,
  orgId,
  customer,
  gateway,
}: {
  db: Db;
  orgId: string;
  customer: { id: string; email: string };
  gateway: PaymentGateway;
}) {
  return startCheckout({
    scope: createOrgScope({ db, orgId, gateway }),
    input: {
      productSlug: 'brand-photo-session',
      quantity: 1,
      selection: { options: {}, addOnIds: [], planId: null, customFields: {} },
    },
    customer: { userId: customer.id, email: customer.email },
  });
}
