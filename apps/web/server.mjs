// The production web server: `next start` plus one thing it cannot do, telling the
// app who is on the other end of the TCP connection. Next only fills
// X-Forwarded-For from the socket when the client sent none, so a client can name
// any address it likes there; the app reads this header instead (packages/auth
// client-ip.ts) and trusts X-Forwarded-For only from TRUSTED_PROXY_CIDRS.
//
//   node server.mjs [--port 3000] [--hostname 0.0.0.0]
//
// Plain JavaScript so that nothing has to be compiled before it runs.
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import next from 'next';

// Must equal SOCKET_IP_HEADER in packages/auth/src/client-ip.ts.
const SOCKET_IP_HEADER = 'x-souk-socket-ip';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p', default: '3000' },
    hostname: { type: 'string', short: 'H' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[web] --port must be a port number (0-65535), got "${values.port}"`);
  process.exit(1);
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const app = next({ dev: false, dir, hostname: values.hostname ?? 'localhost', port });

try {
  // Loads the build and runs instrumentation.ts register(), which exits on
  // production defaults after printing what to set.
  await app.prepare();
} catch (error) {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error(`[web] failed to start: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exit(1);
}
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  // Overwritten on every request: a client-sent value under this name means nothing.
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[SOCKET_IP_HEADER] = peer;
  else delete req.headers[SOCKET_IP_HEADER];
  handle(req, res).catch((error) => {
    console.error('[web] request failed', error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.once('error', (error) => {
  console.error(`[web] cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});
// No hostname: all interfaces, IPv4 and IPv6, as `next start` does.
server.listen(port, values.hostname, () => {
  console.log(`[web] listening on http://${values.hostname ?? 'localhost'}:${port}`);
});

let stopping = false;
function stop(signal) {
  if (stopping) process.exit(1); // a second signal: now
  stopping = true;
  console.log(`[web] ${signal}: closing`);
  // Let requests in flight finish, then exit; the supervisor kills after 10 s anyway.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 8_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
