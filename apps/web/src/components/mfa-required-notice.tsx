'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';

const MFA_SETUP_PATH = '/admin/account/security';

/**
 * ADMIN_MFA_REQUIRED and this owner/admin session did not sign in with a code. The admin
 * layout redirects page loads here; a layout is not rendered again on client-side
 * navigation, so this also sends links followed from here back to the setup page.
 */
export function MfaRequiredNotice() {
  const pathname = usePathname();
  const router = useRouter();
  const elsewhere = pathname !== MFA_SETUP_PATH;
  useEffect(() => {
    if (elsewhere) router.replace(MFA_SETUP_PATH);
  }, [elsewhere, router]);
  return (
    <div className="notice notice-error" role="status">
      Souk requires two-step verification for owners and admins. Set it up below to use the rest of
      the admin console (if it is already on, sign out and sign in again with your code).
    </div>
  );
}
