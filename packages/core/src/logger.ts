import { pino, type Level, type Logger } from 'pino';
import { coreEnv } from './env';

export interface CreateLoggerOptions {
  /** Overrides LOG_LEVEL (coreEnv), e.g. for a worker started with its own options. */
  level?: Level | 'silent';
}

/** JSON-lines logger; `name` says which part of Souk wrote the line. */
export function createLogger(name: string, options: CreateLoggerOptions = {}): Logger {
  return pino({
    name,
    level: options.level ?? coreEnv.LOG_LEVEL,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
export type { Logger };
