// `pnpm start` checks every port it is about to use before starting anything, so a
// second instance (or any other program) on a default port is named up front,
// with the variable that moves it, instead of failing halfway through.
import net from 'node:net';

export interface PortNeed {
  port: number;
  /** What listens there, for the message: "web", "embedded PostgreSQL", … */
  what: string;
  /** The setting that moves it. */
  variable: string;
  /** The address the service binds; busy is also anything answering on 127.0.0.1. */
  host?: string;
}

export class PortsInUseError extends Error {
  constructor(readonly busy: PortNeed[]) {
    super(
      [
        `Cannot start: ${busy.length === 1 ? 'a port' : 'ports'} Souk needs ${busy.length === 1 ? 'is' : 'are'} already in use (another \`pnpm start\`, or another program):`,
        ...busy.map(
          (p) =>
            `  - port ${p.port} (${p.what}): stop what uses it, or set ${p.variable}=<free port>`,
        ),
      ].join('\n'),
    );
    this.name = 'PortsInUseError';
  }
}

function canBind(port: number, host: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.setTimeout(1_000);
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** Every invalid or busy port at once, so one look fixes them all. */
export async function checkPorts(needs: PortNeed[]): Promise<void> {
  const invalid = needs.filter((n) => !Number.isInteger(n.port) || n.port < 1 || n.port > 65535);
  if (invalid.length > 0) {
    throw new Error(
      invalid
        .map((n) => `${n.variable} must be a port number (1-65535), got "${n.port}"`)
        .join('\n'),
    );
  }
  const seen = new Map<number, PortNeed>();
  for (const need of needs) {
    const other = seen.get(need.port);
    if (other) {
      throw new Error(
        `${need.variable} and ${other.variable} are both ${need.port}: give each service its own port`,
      );
    }
    seen.set(need.port, need);
  }
  const busy: PortNeed[] = [];
  for (const need of needs) {
    // A listener on another address (127.0.0.1 vs ::) may not stop the bind, but it
    // would answer the URLs we print; either way the port is taken.
    if (!(await canBind(need.port, need.host)) || (await answers(need.port))) busy.push(need);
  }
  if (busy.length > 0) throw new PortsInUseError(busy);
}
