import type { Metadata } from 'next';

// The sign-in link's token is in this page's URL: it must not leave as a Referer to
// another site. `same-origin`, not `no-referrer`: with no-referrer the button's POST would
// say `Origin: null`, which the CSRF check rightly refuses.
export const metadata: Metadata = { title: 'Open your client portal', referrer: 'same-origin' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Where the emailed link lands: one button that signs in. The link works once, and a
 * mail scanner that opens links in advance only ever sees this page.
 */
export default async function ContinueToPortal({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <div className="card portal-request">
      <h1>Open your client portal</h1>
      <p className="muted">
        This sign-in link works once. Continue to see your bookings, invoices and orders.
      </p>
      <form method="post" action="/portal/callback">
        <input type="hidden" name="token" value={typeof token === 'string' ? token : ''} />
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Open my portal
          </button>
        </div>
      </form>
    </div>
  );
}
