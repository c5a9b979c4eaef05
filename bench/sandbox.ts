// The Stripe sandbox in its own process for bench/run.ts, so its CPU is not the bench's.
// Prints "sandbox <url> <apiKey>" once listening.
import { startStripeSandbox } from '@souk/stripe-sandbox';

const sandbox = await startStripeSandbox({ port: Number(process.argv[2] ?? 0) });
console.log(`sandbox ${sandbox.url} ${sandbox.apiKey}`);
process.on('SIGTERM', () => {
  void sandbox.stop().then(() => process.exit(0));
});
