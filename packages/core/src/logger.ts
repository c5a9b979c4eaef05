import { pino, type Logger } from 'pino';

const level = process.env.LOG_LEVEL ?? 'info';

/** JSON-lines logger; `name` says which part of Souk wrote the line. */
export function createLogger(name: string): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
