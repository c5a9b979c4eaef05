import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OutboxChannel, OutboxEvent } from '@souk/db';
import { coreEnv } from '../env';

/** Delivers one outbox row; throws on failure (the caller schedules the retry). */
export type Transport = (event: OutboxEvent) => Promise<string>;
export type Transports = Partial<Record<OutboxChannel, Transport>>;

export interface TransportConfig {
  smtpUrl?: string;
  sendgridApiKey?: string;
  sendgridApiUrl?: string;
  mailFrom?: string;
  slackWebhookUrl?: string;
  webhookUrl?: string;
  webhookSecret?: string;
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
export function createTransports(config: TransportConfig = configFromEnv()): Transports {
  const transports: Transports = {};
  const from = config.mailFrom ?? coreEnv.MAIL_FROM;
  if (config.smtpUrl) {
    const mailer = nodemailer.createTransport(config.smtpUrl);
    transports.email = async (event) => {
      if (!event.recipient) throw new Error('email without a recipient');
      await mailer.sendMail({
        from,
        to: event.recipient,
        subject: event.subject ?? event.topic,
        text: event.body,
        messageId: `<${event.id}@souk>`,
      });
      return 'smtp';
    };
  } else if (config.sendgridApiKey) {
    const apiKey = config.sendgridApiKey;
    const url = config.sendgridApiUrl ?? coreEnv.SENDGRID_API_URL;
    transports.email = async (event) => {
      if (!event.recipient) throw new Error('email without a recipient');
      await postJson(
        url,
        {
          personalizations: [{ to: [{ email: event.recipient }] }],
          from: { email: senderAddress(from) },
          subject: event.subject ?? event.topic,
          content: [{ type: 'text/plain', value: event.body }],
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
  if (config.webhookUrl) {
    const url = config.webhookUrl;
    const secret = config.webhookSecret;
    transports.webhook = async (event) => {
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
  };
}
