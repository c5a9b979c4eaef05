import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '@souk/ui';
import { serverCaller } from '@/trpc/server';
import { SecuritySettings } from './security-settings';

export const metadata: Metadata = { title: 'Two-step verification' };

export default async function SecurityPage() {
  const status = await (await serverCaller()).mfa.getStatus();
  return (
    <>
      <p className="muted">
        <Link href="/admin/account">Account</Link> / Security
      </p>
      <h1>Two-step verification</h1>
      <div className="card" style={{ maxWidth: 560 }}>
        <SecuritySettings
          enabled={status.enabled}
          enrolledAt={status.enrolledAt ? formatDateTime(status.enrolledAt) : null}
          recoveryCodesLeft={status.recoveryCodesLeft}
        />
      </div>
    </>
  );
}
