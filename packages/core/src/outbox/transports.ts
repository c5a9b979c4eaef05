import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OutboxChannel, OutboxEvent } from '@souk/db';
import { coreEnv } from '../env';
import { isExportTopic } from './deliver-outbox';

/** Delivers one outbox row; throws on failure (the caller schedules the retry). */
export type Transport = (event: OutboxEvent) => Promise<string>;
export type Transports = Partial<Record<OutboxChannel, Transport>>;

/** An email as sent: HTML plus the text part for clients that show no HTML. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders an email row (@souk/emails' `renderEmail`). Passed in by the process that
 * sends (the worker), so core stays free of React; without one, email goes as text.
 */
export type EmailRenderer = (event: OutboxEvent) => Promise<RenderedEmail>;

export interface TransportOptions {
  /** Unset: the stored subject and body go out as a text-only email, as before templates. */
  renderEmail?: EmailRenderer;
}

export interface TransportConfig {
  smtpUrl?: string;
  sendgridApiKey?: string;
  sendgridApiUrl?: string;
  mailFrom?: string;
  slackWebhookUrl?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Where `export.*` webhooks go (EXPORT_WEBHOOK_URL with EXPORT_MODE=webhook). */
  exportWebhookUrl?: string;
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`${new URL(url).host} answered ${response.status}`);
  }
}

function senderAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/**
 * Only configured channels get a transport: rows for the others stay pending and
 * readable in the admin outbox (the zero-config default for email).
 */
export function createTransports(
  config: TransportConfig = configFromEnv(),
  { renderEmail }: TransportOptions = {},
): Transports {
  const transports: Transports = {};
  const render = async (
    event: OutboxEvent,
  ): Promise<Omit<RenderedEmail, 'html'> & { html?: string }> =>
    renderEmail ? renderEmail(event) : { subject: event.subject ?? event.topic, text: event.body };
  const from = config.mailFrom ?? coreEnv.MAIL_FROM;
  if (config.smtpUrl) {
    const mailer = nodemailer.createTransport(config.smtpUrl);
    transports.email = async (event) => {
      if (!event.recipient) throw new Error('email without a recipient');
      const { subject, text, html } = await render(event);
      await mailer.sendMail({
        from,
        to: event.recipient,
        subject,
        text,
        ...(html ? { html } : {}),
        messageId: `<${event.id}@souk>`,
      });
      return 'smtp';
    };
  } else if (config.sendgridApiKey) {
    const apiKey = config.sendgridApiKey;
    const url = config.sendgridApiUrl ?? coreEnv.SENDGRID_API_URL;
    transports.email = async (event) => {
      if (!event.recipient) throw new Error('email without a recipient');
      const { subject, text, html } = await render(event);
      await postJson(
        url,
        {
          personalizations: [{ to: [{ email: event.recipient }] }],
          from: { email: senderAddress(from) },
          subject,
          // SendGrid wants text/plain before text/html.
          content: [
            { type: 'text/plain', value: text },
            ...(html ? [{ type: 'text/html', value: html }] : []),
          ],
          custom_args: { outbox_id: event.id },
        },
        { authorization: `Bearer ${apiKey}` },
      );
      return 'sendgrid';
    };
  }
  if (config.slackWebhookUrl) {
    const url = config.slackWebhookUrl;
    transports.slack = async (event) => {
      await postJson(url, {
        text: event.subject ? `*${event.subject}*\n${event.body}` : event.body,
        ...(event.recipient ? { channel: event.recipient } : {}),
      });
      return 'slack';
    };
  }
  if (config.webhookUrl || config.exportWebhookUrl) {
    const { webhookUrl, exportWebhookUrl } = config;
    const secret = config.webhookSecret;
    transports.webhook = async (event) => {
      // Accounting exports have a receiver of their own; other webhooks the general one.
      const url = isExportTopic(event.topic) ? exportWebhookUrl : webhookUrl;
      if (!url) throw new Error(`no webhook URL is configured for ${event.topic} messages`);
      const payload = {
        id: event.id,
        topic: event.topic,
        subject: event.subject,
        body: event.body,
      };
      const raw = JSON.stringify(payload);
      const t = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = { 'x-souk-event-id': event.id };
      if (secret) {
        headers['x-souk-signature'] =
          `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex')}`;
      }
      await postJson(url, payload, headers);
      return 'webhook';
    };
  }
  return transports;
}

export function configFromEnv(): TransportConfig {
  return {
    smtpUrl: coreEnv.SMTP_URL,
    sendgridApiKey: coreEnv.SENDGRID_API_KEY,
    sendgridApiUrl: coreEnv.SENDGRID_API_URL,
    mailFrom: coreEnv.MAIL_FROM,
    slackWebhookUrl: coreEnv.HOSTED_RECOVERY_SLACK_WEBHOOK_URL,
    webhookUrl: coreEnv.OUTGOING_WEBHOOK_URL,
    webhookSecret: coreEnv.OUTGOING_WEBHOOK_SECRET,
    exportWebhookUrl: coreEnv.EXPORT_MODE === 'webhook' ? coreEnv.EXPORT_WEBHOOK_URL : undefined,
  };
}
