import pg from 'pg';

export interface ChannelListener {
  /** Stops listening for good and closes the connection. */
  close(): Promise<void>;
}

export interface ListenOptions {
  connectionString: string;
  channel: string;
  onNotification: (payload: string) => void;
  /**
   * LISTEN is in place (first time and after every reconnect). Notifications sent while
   * the connection was down are lost, so whatever they would have invalidated is stale.
   */
  onListening: () => void;
  /** The connection broke; nothing is heard until onListening again. */
  onLost: (error: Error) => void;
  /** Backoff between reconnects, doubled up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * One dedicated connection (outside the pools: a pooled client would lose its LISTEN
 * when handed to another query) that listens on `channel` and reconnects with backoff.
 */
export function listenToChannel(options: ListenOptions): ChannelListener {
  const { connectionString, channel, onNotification, onListening, onLost } = options;
  if (!IDENTIFIER.test(channel)) throw new Error(`invalid channel name: ${channel}`);
  const firstRetryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  let closed = false;
  let client: pg.Client | undefined;
  let retryMs = firstRetryMs;
  let timer: NodeJS.Timeout | undefined;

  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  const lose = (current: pg.Client, error: Error) => {
    if (client !== current) return; // already handled for this connection
    client = undefined;
    current.removeAllListeners();
    current.on('error', () => undefined);
    void current.end().catch(() => undefined);
    if (closed) return;
    onLost(error);
    scheduleReconnect();
  };

  const connect = async () => {
    if (closed) return;
    const current = new pg.Client({
      connectionString,
      keepAlive: true,
      application_name: `souk-listen-${channel}`,
    });
    client = current;
    current.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined)
        onNotification(message.payload);
    });
    current.on('error', (error) => lose(current, error));
    current.on('end', () => lose(current, new Error('listen connection ended')));
    try {
      await current.connect();
      await current.query(`LISTEN ${channel}`);
    } catch (error) {
      lose(current, error as Error);
      return;
    }
    if (client !== current) return;
    if (closed) {
      await current.end().catch(() => undefined);
      return;
    }
    retryMs = firstRetryMs;
    onListening();
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
