import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { formatDateTime, StatusBadge } from '@souk/ui';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { StartBreakGlassForm } from './start-break-glass-form';

export const metadata: Metadata = { title: 'Admin safety' };

export default async function SafetyPage() {
  const session = await requireStaff('/admin/safety');
  if (!can(session.role, 'admin.breakGlass')) {
    return (
      <>
        <h1>Admin safety</h1>
        <p className="muted">Only owners and admins start break-glass sessions.</p>
      </>
    );
  }
  const caller = await serverCaller();
  const [status, history] = await Promise.all([
    caller.adminSafety.getBreakGlassStatus(),
    caller.adminSafety.listBreakGlassSessions(),
  ]);

  return (
    <>
      <h1>Admin safety</h1>
      <section className="card" aria-labelledby="read-only-heading" style={{ maxWidth: 640 }}>
        <h2 id="read-only-heading" style={{ marginTop: 0 }}>
          Read-only mode
        </h2>
        {status.readOnly ? (
          <p>
            <strong>On.</strong> Staff changes are paused during an incident (ADMIN_READ_ONLY).
            Start a break-glass session below to make an emergency change; every change under it is
            audited with its reason.
          </p>
        ) : (
          <p>
            <strong>Off.</strong> Changes are allowed without break-glass. Operators turn it on with
            ADMIN_READ_ONLY=true during an incident.
          </p>
        )}
      </section>

      {status.readOnly ? (
        <section className="card" aria-labelledby="start-heading" style={{ maxWidth: 640 }}>
          <h2 id="start-heading" style={{ marginTop: 0 }}>
            Start break-glass
          </h2>
          <p className="muted">
            The token is shown once. API callers send it in the X-Break-Glass-Token header; “Use in
            this browser” allows changes from this sign-in until it expires or you end it.
          </p>
          <StartBreakGlassForm />
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Break-glass history</h2>
        {history.length === 0 ? (
          <p className="muted">No break-glass session has been started in this organisation.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Break-glass sessions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">By</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Status</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Used in a browser</th>
                  <th scope="col">Ended</th>
                </tr>
              </thead>
              <tbody>
                {history.map((row) => (
                  <tr key={row.id}>
                    <td>{formatDateTime(row.createdAt)}</td>
                    <td>{row.startedBy ?? '—'}</td>
                    <td>{row.reason}</td>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td>{formatDateTime(row.expiresAt)}</td>
                    <td>{formatDateTime(row.redeemedAt)}</td>
                    <td>{formatDateTime(row.endedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
