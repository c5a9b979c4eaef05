// The hosted checkout page a browser lands on from `session.url`, and the layout
// helpers the other hosted pages (PaymentIntent, Connect onboarding) share.
import { formatAmount } from './money';
import { type SessionRecord } from './state';

export const PAY_PAGE_TITLE = 'Souk sandbox checkout';
export const SANDBOX_BANNER = 'Sandbox payments — no real money moves';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function layout(body: string, title = PAY_PAGE_TITLE): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
.banner { background: #fff4d6; border: 1px solid #e0b84c; padding: .5rem .75rem; border-radius: 4px; }
.error { background: #fde8e8; border: 1px solid #d33; padding: .5rem .75rem; border-radius: 4px; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
td { padding: .25rem 0; } td.amount { text-align: right; }
tr.total td { border-top: 1px solid #ccc; font-weight: bold; }
form { display: inline-block; margin-right: .5rem; }
button { font-size: 1rem; padding: .5rem 1rem; cursor: pointer; }
.description { color: #555; }
</style>
</head>
<body>
<p class="banner" role="note">${SANDBOX_BANNER}</p>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

export function renderPayPage(record: SessionRecord, actionBase: string, message?: string): string {
  const session = record.session;
  if (session.status !== 'open') {
    return layout(
      `<p role="status">This checkout session is no longer available (status: ${escapeHtml(session.status)})</p>`,
    );
  }
  const rows = record.lineItems
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.description)} × ${item.quantity}</td><td class="amount">${escapeHtml(formatAmount(item.amount_total, item.currency))}</td></tr>`,
    )
    .join('\n');
  const total = escapeHtml(formatAmount(session.amount_total, session.currency));
  const error = errorAlert(message);
  const button = (action: string, label: string): string =>
    postButton(`${actionBase}/${action}`, label);
  return layout(`${error}<table>
${rows}
<tr class="total"><td>Total</td><td class="amount" data-testid="total">${total}</td></tr>
</table>
${button('pay', 'Pay')}
${button('decline', 'Decline card')}
${button('abandon', 'Abandon checkout')}`);
}

export function errorAlert(message: string | undefined): string {
  return message ? `<p class="error" role="alert">${escapeHtml(message)}</p>\n` : '';
}

/** A one-button form; `fields` travel as hidden inputs so the URL stays clean. */
export function postButton(
  action: string,
  label: string,
  fields: Record<string, string> = {},
): string {
  const hidden = Object.entries(fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  return `<form method="post" action="${escapeHtml(action)}">${hidden}<button type="submit">${escapeHtml(label)}</button></form>`;
}

export function renderNotFound(id: string): string {
  return layout(`<p role="status">No such checkout session: ${escapeHtml(id)}</p>`);
}
