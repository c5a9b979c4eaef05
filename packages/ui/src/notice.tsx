import type { ReactNode } from 'react';

/** An error (role="alert") or a confirmation (role="status"); renders nothing when empty. */
export function Notice({ kind, children }: { kind: 'error' | 'success'; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') {
    return null;
  }
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
