import type { RouterInputs } from '@souk/api';

type Admin = RouterInputs['marketplace']['admin'];
type Option<T extends string> = { value: T; label: string };

/** Every member of the union U, checked at compile time, so a new status cannot be forgotten. */
function allOf<U extends string>() {
  return <const T extends readonly U[]>(values: T & ([U] extends [T[number]] ? unknown : never)) =>
    values;
}

export const VENDOR_STATUSES = allOf<NonNullable<Admin['listVendors']['status']>>()([
  'pending',
  'approved',
  'needs_changes',
]);

type VendorType = NonNullable<Admin['listVendors']['type']>;
export const VENDOR_TYPE_LABELS: Record<VendorType, string> = {
  venue_owner: 'Venue owner',
  service_provider: 'Service provider',
};
export const VENDOR_TYPE_VALUES = Object.keys(VENDOR_TYPE_LABELS) as VendorType[];
export const VENDOR_TYPES: readonly Option<VendorType>[] = VENDOR_TYPE_VALUES.map((value) => ({
  value,
  label: VENDOR_TYPE_LABELS[value],
}));

// Core's list is the one the API's status filter is built from.
export { BOOKING_STATUSES } from '@souk/core/client';

export const PAYMENT_STATUSES = allOf<NonNullable<Admin['listPayments']['status']>>()([
  'requires_payment',
  'succeeded',
  'failed',
  'canceled',
]);

export type PayoutStatus = NonNullable<Admin['listPayouts']['status']>;
export const PAYOUT_STATUS_VALUES = allOf<PayoutStatus>()([
  'eligible',
  'locked',
  'held',
  'paid',
  'reversed',
  'voided',
]);
// "eligible" is the work queue: payouts waiting for someone to approve them.
export const PAYOUT_STATUSES = PAYOUT_STATUS_VALUES.map(
  (status): PayoutStatus | Option<PayoutStatus> =>
    status === 'eligible' ? { value: status, label: 'Pending approval' } : status,
);

export const PAYOUT_MILESTONES = allOf<NonNullable<Admin['listPayouts']['milestone']>>()([
  'reservation',
  'completion',
]);

type DisputeResolution = Admin['resolveDispute']['status'];
export const DISPUTE_STATUSES = allOf<NonNullable<Admin['listDisputes']['status']>>()([
  'open',
  'resolved_released',
  'resolved_reversed',
]);
export const DISPUTE_RESOLUTIONS: readonly Option<DisputeResolution>[] = [
  { value: 'resolved_released', label: 'Release held payouts' },
  { value: 'resolved_reversed', label: 'Reverse held payouts' },
];

export const MODERATION_KINDS = allOf<NonNullable<Admin['listModerationReports']['kind']>>()([
  'message',
  'review',
  'profile',
  'booking_note',
  'other',
]);

export const SUBSCRIPTION_STATUSES = allOf<Admin['setSubscription']['status']>()([
  'none',
  'trial',
  'active',
  'cancelled',
]);
