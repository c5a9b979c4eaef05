import type { CheckoutStatus } from './recovery-banner';

/** A fixed checkout for bypass mode: plausible, and visibly not a real order. */
export function previewCheckoutStatus(now = new Date('2026-01-05T15:04:00Z')): CheckoutStatus {
  return {
    order: { id: 'preview', number: 0, status: 'paid', totalCents: 9720, currency: 'USD' },
    invoice: { number: 0, status: 'paid' },
    session: { status: 'completed' },
    orchestration: {
      stage: 'loyalty_hold',
      stageTitle: 'Loyalty hold',
      stageDescription: 'Your loyalty benefits are being applied before we start.',
      lastTransition: {
        fromStage: 'identity_verification',
        toStage: 'loyalty_hold',
        at: now,
        note: 'Moved to Loyalty hold',
      },
      pendingLoyaltySteps: ['Confirm your loyalty card number'],
    },
  };
}

/**
 * The success page's data: in bypass mode the preview, without calling `load`
 * (no API, no database); otherwise whatever `load` returns for the session.
 */
export async function loadSuccessStatus({
  bypass,
  load,
}: {
  bypass: boolean;
  load: () => Promise<CheckoutStatus>;
}): Promise<{ status: CheckoutStatus; isPreview: boolean }> {
  if (bypass) return { status: previewCheckoutStatus(), isPreview: true };
  return { status: await load(), isPreview: false };
}
