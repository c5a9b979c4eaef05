// Test-only: marketplace steps several test files take the same way.
import { expect } from 'vitest';
import type { Db } from '@souk/db';
import { sessionFor, type Caller } from './harness';

/**
 * The demo applicant applies as "Night Owl DJs", a service provider in Porto: the profile
 * waits for review and the applicant's next session is a vendor's.
 */
export async function onboardNightOwlDjs(
  db: Db,
  applicant: Caller,
  extra: { description?: string } = {},
) {
  const profile = await applicant.marketplace.vendor.onboardVendor({
    type: 'service_provider',
    displayName: 'Night Owl DJs',
    city: 'Porto',
    ...extra,
  });
  expect(profile.status).toBe('pending');
  // The membership is now VENDOR: the next request sees the new role.
  const session = await sessionFor(db, 'applicant@souk.test');
  expect(session.role).toBe('VENDOR');
  return { profile, session };
}
