import { pino, type Logger } from 'pino';
import { coreEnv } from './env';

/** JSON-lines logger; `name` says which part of Souk wrote the line. */
export function createLogger(name: string): Logger {
  return pino({
    name,
    level: coreEnv.LOG_LEVEL,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
export type { Logger };
