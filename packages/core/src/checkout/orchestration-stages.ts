import type { OrchestrationStage } from '@souk/db';

// Pure: the order of stages and what each means to a customer.
export const STAGES: readonly OrchestrationStage[] = [
  'payment',
  'identity_verification',
  'loyalty_hold',
  'fulfillment_readiness',
  'completed',
];

export const STAGE_COPY: Record<OrchestrationStage, { title: string; description: string }> = {
  payment: {
    title: 'Payment',
    description: 'We are waiting for your payment to be confirmed.',
  },
  identity_verification: {
    title: 'Identity verification',
    description: 'Payment received. We are confirming the account details you gave us.',
  },
  loyalty_hold: {
    title: 'Loyalty hold',
    description: 'Your loyalty benefits are being applied before we start.',
  },
  fulfillment_readiness: {
    title: 'Fulfillment readiness',
    description: 'Your order is queued and our team is preparing to start.',
  },
  completed: { title: 'Completed', description: 'Everything is done. Thank you!' },
};

export function nextStage(stage: OrchestrationStage): OrchestrationStage | null {
  const index = STAGES.indexOf(stage);
  return index >= 0 && index < STAGES.length - 1 ? (STAGES[index + 1] ?? null) : null;
}

/** Stages only move forward: a late or repeated signal never takes an order back. */
export function isAfter(a: OrchestrationStage, b: OrchestrationStage): boolean {
  return STAGES.indexOf(a) > STAGES.indexOf(b);
}

export interface LoyaltyStep {
  label: string;
  done: boolean;
}

export interface OrchestrationMetadata {
  loyaltySteps?: LoyaltyStep[];
  notes?: string[];
}

export function readMetadata(value: unknown): OrchestrationMetadata {
  return value && typeof value === 'object' ? value : {};
}
