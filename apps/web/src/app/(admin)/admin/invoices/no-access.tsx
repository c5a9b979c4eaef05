/** What a role without finance.read sees on the invoices and reports pages. */
export function NoFinanceAccess({ role }: { role: string }) {
  return (
    <>
      <h1>No access</h1>
      <p className="muted">Your role ({role}) does not include finance.</p>
    </>
  );
}
