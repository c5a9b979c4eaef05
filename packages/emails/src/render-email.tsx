import { render } from '@react-email/components';
import type { ReactElement } from 'react';
import { firstLink } from './paragraphs';
import { ActionEmail } from './templates/action';
import { NotificationEmail } from './templates/notification';
import { OrderConfirmationEmail } from './templates/order-confirmation';
import { PasswordResetEmail } from './templates/password-reset';

/** The outbox columns an email is rendered from (an `outbox_events` row fits). */
export interface EmailRow {
  topic: string;
  subject: string | null;
  body: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  /** The stored body, exactly as text-only clients received it before HTML existed. */
  text: string;
}

/** Topics whose point is one link, and what its button says. */
const ACTION_LABELS: Record<string, string> = {
  'checkout.recovery': 'Resume checkout',
  checkout_recovery_prompt: 'Continue your order',
  'dunning.payment_failed': 'Retry payment',
  // @souk/core's PORTAL_LINK_TOPIC: the client portal's one-time sign-in link.
  'portal.magic_link': 'Open the client portal',
  // @souk/auth's INVITATION_TOPIC and ACCOUNT_CREATED_TOPIC (team invitations).
  'auth.invitation': 'Accept the invitation',
  'auth.account_created': 'Sign in',
};
const ORDER_TOPICS = new Set(['order.confirmation', 'order.fulfilled']);
// @souk/auth's PASSWORD_RESET_TOPIC (this package imports no other @souk package).
const PASSWORD_RESET_TOPIC = 'auth.password_reset';

/** The template for a row: by topic, else the generic notification. */
export function emailFor(row: EmailRow): ReactElement {
  const subject = row.subject ?? row.topic;
  const label = ACTION_LABELS[row.topic];
  const href = label ? firstLink(row.body) : undefined;
  if (label && href) {
    return <ActionEmail subject={subject} body={row.body} href={href} label={label} />;
  }
  const resetLink = row.topic === PASSWORD_RESET_TOPIC ? firstLink(row.body) : undefined;
  if (resetLink) return <PasswordResetEmail subject={subject} body={row.body} href={resetLink} />;
  if (ORDER_TOPICS.has(row.topic)) {
    return <OrderConfirmationEmail subject={subject} body={row.body} />;
  }
  return <NotificationEmail subject={subject} body={row.body} />;
}

/** Subject, HTML and text of one outbox email, rendered from the stored row. */
export async function renderEmail(row: EmailRow): Promise<RenderedEmail> {
  return {
    subject: row.subject ?? row.topic,
    html: await render(emailFor(row)),
    text: row.body,
  };
}
