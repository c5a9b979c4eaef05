import { describe, expect, it } from 'vitest';
import { splitLinks } from './paragraphs';
import { renderEmail } from './render-email';

const recovery = {
  topic: 'checkout.recovery',
  subject: 'Your order #1042 is waiting for you',
  body: [
    'You left order #1042 ($49.00) before paying.',
    'Pick up where you left off: https://shop.test/checkout/resume/abc.def?x=1&y=2',
    '',
    'If you no longer want it, you can ignore this email.',
  ].join('\n'),
};

describe('renderEmail', () => {
  it('gives the recovery email a clickable "Resume checkout" button', async () => {
    const email = await renderEmail(recovery);
    expect(email.subject).toBe('Your order #1042 is waiting for you');
    expect(email.html).toMatch(
      /<a href="https:\/\/shop\.test\/checkout\/resume\/abc\.def\?x=1&amp;y=2"[^>]*>[\s\S]*?Resume checkout/,
    );
    expect(email.html).toContain('You left order #1042 ($49.00) before paying.');
    expect(email.html).toContain('If you no longer want it, you can ignore this email.');
    // Text-only clients get the stored body, link included.
    expect(email.text).toBe(recovery.body);
  });

  it('renders an order confirmation with its amount and invoice', async () => {
    const email = await renderEmail({
      topic: 'order.confirmation',
      subject: 'Order #7 confirmed',
      body: 'Thank you! We received $12.00 for order #7.\nInvoice #INV-7 is paid.',
    });
    expect(email.html).toContain('Order #7 confirmed');
    expect(email.html).toContain('We received $12.00 for order #7.');
    expect(email.html).toContain('Invoice #INV-7 is paid.');
  });

  it('falls back to the notification template, turning URLs into links', async () => {
    const email = await renderEmail({
      topic: 'booking.requested',
      subject: 'New booking request #12',
      body: 'Approve it in your vendor portal: https://shop.test/vendor/bookings/b1.',
    });
    expect(email.html).toContain('New booking request #12');
    expect(email.html).toMatch(/<a href="https:\/\/shop\.test\/vendor\/bookings\/b1"[^>]*>/);
  });

  it('uses the topic when a row has no subject, and escapes what the body holds', async () => {
    const email = await renderEmail({
      topic: 'test.mail',
      subject: null,
      body: '<script>alert(1)</script> javascript:alert(1)',
    });
    expect(email.subject).toBe('test.mail');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).not.toContain('href="javascript:');
  });

  it('an action topic without a link still renders, as a notification', async () => {
    const email = await renderEmail({ ...recovery, body: 'You left order #1042.' });
    expect(email.html).toContain('You left order #1042.');
    expect(email.html).not.toContain('Resume checkout');
  });
});

describe('splitLinks', () => {
  it('keeps a sentence’s full stop out of the link and links only http(s)', () => {
    expect(splitLinks('See https://a.test/x. Or ftp://b.test')).toEqual([
      { text: 'See ' },
      { text: 'https://a.test/x', href: 'https://a.test/x' },
      { text: '. Or ftp://b.test' },
    ]);
  });
});

describe('team invitations', () => {
  it('give the invitation email an "Accept the invitation" button', async () => {
    const email = await renderEmail({
      topic: 'auth.invitation',
      subject: 'You are invited to join Souk Demo on Souk',
      body: 'admin@souk.test invited you.\n\nAccept the invitation: https://shop.test/invite/org.secret',
    });
    expect(email.html).toMatch(
      /<a href="https:\/\/shop\.test\/invite\/org\.secret"[^>]*>[\s\S]*?Accept the invitation/,
    );
  });
});
