import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '@souk/db';
import { createTransports, type EmailRenderer } from './transports';

const event = {
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  dedupeKey: 'session:s1:recovery:1',
  channel: 'email',
  topic: 'checkout.recovery',
  recipient: 'customer@souk.test',
  subject: 'Your order #1042 is waiting for you',
  body: 'Pick up where you left off: https://shop.test/checkout/resume/abc',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: new Date(),
  lastError: null,
  deliveredAt: null,
  deliveredVia: null,
  createdAt: new Date(),
  updatedAt: new Date(),
} satisfies OutboxEvent;

// Stands in for @souk/emails' renderEmail (core does not depend on React).
const renderEmail: EmailRenderer = (row) =>
  Promise.resolve({
    subject: row.subject ?? row.topic,
    html: '<p><a href="https://shop.test/checkout/resume/abc">Resume checkout</a></p>',
    text: row.body,
  });

/** Undoes quoted-printable, which nodemailer may use for either part. */
const decodeQuotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('email over SMTP', () => {
  let smtp: SMTPServer;
  let port: number;
  const received: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('sends the rendered HTML and the text, with the resume link clickable', async () => {
    const { email } = createTransports({ smtpUrl: `smtp://127.0.0.1:${port}` }, { renderEmail });
    await expect(email!(event)).resolves.toBe('smtp');
    const raw = decodeQuotedPrintable(received.at(-1)!);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toMatch(/^Content-Type: text\/plain/m);
    expect(raw).toMatch(/^Content-Type: text\/html/m);
    expect(raw).toContain('<a href="https://shop.test/checkout/resume/abc">Resume checkout</a>');
    expect(raw).toContain('Pick up where you left off: https://shop.test/checkout/resume/abc');
    expect(raw).toMatch(/^Subject: Your order #1042 is waiting for you$/m);
  });

  it('without a renderer, sends the stored body as text only', async () => {
    const { email } = createTransports({ smtpUrl: `smtp://127.0.0.1:${port}` });
    await email!(event);
    const raw = decodeQuotedPrintable(received.at(-1)!);
    expect(raw).not.toMatch(/text\/html/);
    expect(raw).toContain('Pick up where you left off: https://shop.test/checkout/resume/abc');
  });
});

describe('email over SendGrid', () => {
  let server: Server;
  let url: string;
  const bodies: unknown[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        bodies.push(JSON.parse(body));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/mail/send`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends text/plain then text/html', async () => {
    const { email } = createTransports(
      { sendgridApiKey: 'SG.test', sendgridApiUrl: url },
      { renderEmail },
    );
    await expect(email!(event)).resolves.toBe('sendgrid');
    expect(bodies.at(-1)).toMatchObject({
      subject: 'Your order #1042 is waiting for you',
      content: [
        { type: 'text/plain', value: event.body },
        { type: 'text/html', value: expect.stringContaining('<a href="https://shop.test/') },
      ],
    });
  });
});
