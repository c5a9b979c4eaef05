// pnpm exec tsx packages/stripe-sandbox/src/cli.ts --port 12111 --webhook URL --secret whsec_x
//   [--connect-webhook URL --connect-secret whsec_y] [--control-token T] [--state-file F]
import { parseArgs } from 'node:util';
import { startStripeSandbox, type WebhookEndpointOption } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '12111' },
    host: { type: 'string', default: '127.0.0.1' },
    'public-url': { type: 'string' },
    webhook: { type: 'string', multiple: true, default: [] },
    secret: { type: 'string', multiple: true, default: [] },
    'connect-webhook': { type: 'string', multiple: true, default: [] },
    'connect-secret': { type: 'string', multiple: true, default: [] },
    // For the /_sandbox/* controls; a random one (printed below) when not given.
    'control-token': { type: 'string' },
    // Keeps the state across restarts in this JSON file; without it, memory only.
    'state-file': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`);
  process.exit(2);
}

/** Pairs each URL with its secret: one secret for all URLs, or one per URL. */
function endpoints(
  urls: string[],
  secrets: string[],
  connect: boolean,
  flags: [string, string],
): WebhookEndpointOption[] {
  if (urls.length > 0 && secrets.length === 0) {
    console.error(`${flags[0]} needs ${flags[1]} (one for all endpoints, or one per ${flags[0]})`);
    process.exit(2);
  }
  return urls.map((url, i) => ({
    url,
    secret: secrets[i] ?? secrets[secrets.length - 1] ?? '',
    connect,
  }));
}

const webhookEndpoints: WebhookEndpointOption[] = [
  ...endpoints(values.webhook, values.secret, false, ['--webhook', '--secret']),
  ...endpoints(values['connect-webhook'], values['connect-secret'], true, [
    '--connect-webhook',
    '--connect-secret',
  ]),
];

const sandbox = await startStripeSandbox({
  port,
  host: values.host,
  webhookEndpoints,
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  ...(values['control-token'] ? { controlToken: values['control-token'] } : {}),
  ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
});
console.log(`stripe-sandbox listening on ${sandbox.url}`);
console.log(`  /_sandbox/* controls: Authorization: Bearer ${sandbox.controlToken}`);
for (const endpoint of webhookEndpoints) {
  console.log(`  ${endpoint.connect ? 'connect webhooks' : 'webhooks'} -> ${endpoint.url}`);
}

let shuttingDown = false;
const shutdown = (signal: string): void => {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`stripe-sandbox: ${signal}, stopping`);
  sandbox.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
