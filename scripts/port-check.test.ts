import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPorts, PortsInUseError } from './port-check';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function occupy(host?: string): Promise<number> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as net.AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('checkPorts', () => {
  it('names the busy port, what needs it and the variable that moves it', async () => {
    const pg = await occupy('127.0.0.1');
    const web = await freePort();
    const error = await checkPorts([
      { port: pg, what: 'embedded PostgreSQL', variable: 'EMBEDDED_PG_PORT', host: '127.0.0.1' },
      { port: web, what: 'web', variable: 'WEB_PORT' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortsInUseError);
    const message = (error as Error).message;
    expect(message).toContain(
      `port ${pg} (embedded PostgreSQL): stop what uses it, or set EMBEDDED_PG_PORT=<free port>`,
    );
    expect(message).not.toContain('WEB_PORT');
  });

  it('lists every busy port at once, including one held on all interfaces', async () => {
    const web = await occupy(); // like `next start`: all interfaces
    const worker = await occupy('127.0.0.1');
    const message = await checkPorts([
      { port: web, what: 'web', variable: 'WEB_PORT', host: '127.0.0.1' },
      { port: worker, what: 'worker', variable: 'WORKER_PORT' },
    ]).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(message).toContain(`port ${web} (web)`);
    expect(message).toContain('WEB_PORT=<free port>');
    expect(message).toContain(`port ${worker} (worker)`);
    expect(message).toContain('WORKER_PORT=<free port>');
  });

  it('passes when every port is free', async () => {
    await expect(
      checkPorts([{ port: await freePort(), what: 'worker', variable: 'WORKER_PORT' }]),
    ).resolves.toBeUndefined();
  });

  it('refuses a port that is not a number, and two services on one port', async () => {
    await expect(checkPorts([{ port: NaN, what: 'web', variable: 'WEB_PORT' }])).rejects.toThrow(
      'WEB_PORT must be a port number (1-65535), got "NaN"',
    );
    await expect(
      checkPorts([
        { port: 4000, what: 'web', variable: 'WEB_PORT' },
        { port: 4000, what: 'worker', variable: 'WORKER_PORT' },
      ]),
    ).rejects.toThrow('WORKER_PORT and WEB_PORT are both 4000');
  });
});
