import { webEnv } from '@/env';

/** Shown while payments run against the local Stripe sandbox instead of real Stripe. */
export function SandboxBadge() {
  if (webEnv.NEXT_PUBLIC_PAYMENTS_MODE !== 'sandbox') return null;
  return (
    <span className="sandbox-badge" title="Payments use the local sandbox; no real money moves">
      sandbox payments
    </span>
  );
}
