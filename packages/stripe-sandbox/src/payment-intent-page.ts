// The hosted page that stands in for Stripe.js Elements in sandbox mode:
// GET /pay/payment_intents/:id?client_secret=…&return_url=…
import { formatAmount } from './money';
import { errorAlert, escapeHtml, layout, postButton } from './pay-page';
import { type PaymentIntent } from './types';

export const PAYMENT_INTENT_PAGE_TITLE = 'Souk sandbox payment';
export const ALREADY_COMPLETE_MESSAGE = 'This payment is already complete.';

export interface PaymentIntentPageContext {
  /** `${publicUrl}/pay/payment_intents/${id}`; buttons post to `${actionBase}/pay` etc. */
  actionBase: string;
  clientSecret: string;
  returnUrl: string;
}

function amountLine(pi: PaymentIntent): string {
  const description = pi.description
    ? `<p class="description" data-testid="description">${escapeHtml(pi.description)}</p>\n`
    : '';
  return `${description}<p>Amount: <strong data-testid="total">${escapeHtml(formatAmount(pi.amount, pi.currency))}</strong></p>\n`;
}

export function renderPaymentIntentPage(
  pi: PaymentIntent,
  context: PaymentIntentPageContext,
  message?: string,
): string {
  if (pi.status === 'succeeded') {
    return layout(
      `${amountLine(pi)}<p role="status">${ALREADY_COMPLETE_MESSAGE}</p>
<p><a href="${escapeHtml(returnWith(context.returnUrl, pi.id, 'succeeded'))}">Return to the shop</a></p>`,
      PAYMENT_INTENT_PAGE_TITLE,
    );
  }
  if (pi.status === 'canceled') {
    return layout(
      `${amountLine(pi)}<p role="status">This payment was canceled and can no longer be paid.</p>
<p><a href="${escapeHtml(returnWith(context.returnUrl, pi.id, 'canceled'))}">Return to the shop</a></p>`,
      PAYMENT_INTENT_PAGE_TITLE,
    );
  }
  const fields = { client_secret: context.clientSecret, return_url: context.returnUrl };
  const button = (action: string, label: string): string =>
    postButton(`${context.actionBase}/${action}`, label, fields);
  return layout(
    `${errorAlert(message)}${amountLine(pi)}${button('pay', 'Pay')}
${button('decline', 'Decline card')}
${button('cancel', 'Cancel')}`,
    PAYMENT_INTENT_PAGE_TITLE,
  );
}

export function renderPaymentIntentProblem(message: string): string {
  return layout(`<p role="status">${escapeHtml(message)}</p>`, PAYMENT_INTENT_PAGE_TITLE);
}

/** Stripe's redirect after confirmation: the return_url plus what happened. */
export function returnWith(
  returnUrl: string,
  paymentIntentId: string,
  redirectStatus: 'succeeded' | 'canceled',
): string {
  const url = new URL(returnUrl);
  url.searchParams.set('payment_intent', paymentIntentId);
  url.searchParams.set('redirect_status', redirectStatus);
  return url.toString();
}
