import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { authEnv } from './env';

const limiters = new Map<string, RateLimiterAbstract>();
let redis: Redis | undefined;

// In-process by default; shared through Redis when several web instances run.
function limiterFor(prefix: string, pointsPerMinute: number): RateLimiterAbstract {
  const name = `${prefix}:${pointsPerMinute}`;
  let limiter = limiters.get(name);
  if (!limiter) {
    const options = { keyPrefix: `souk:${prefix}`, points: pointsPerMinute, duration: 60 };
    if (authEnv.REDIS_URL) {
      redis ??= new Redis(authEnv.REDIS_URL, { enableOfflineQueue: false });
      limiter = new RateLimiterRedis({
        ...options,
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    } else {
      limiter = new RateLimiterMemory(options);
    }
    limiters.set(name, limiter);
  }
  return limiter;
}

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Takes one point from `key` in the per-minute bucket `prefix`. */
export async function consumeRateLimit(
  prefix: string,
  pointsPerMinute: number,
  key: string,
): Promise<RateLimitDecision> {
  try {
    await limiterFor(prefix, pointsPerMinute).consume(key);
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
    throw rejection;
  }
}

export async function resetRateLimit(
  prefix: string,
  pointsPerMinute: number,
  key: string,
): Promise<void> {
  await limiterFor(prefix, pointsPerMinute).delete(key);
}

/** Spec 004: sign-in is limited to 5 attempts per minute per client IP. */
export function consumeLoginAttempt(ip: string): Promise<RateLimitDecision> {
  return consumeRateLimit('login', authEnv.LOGIN_RATE_LIMIT_PER_MINUTE, ip);
}

/** For tests that exercise sign-in many times from one address. */
export function resetLoginAttempts(ip: string): Promise<void> {
  return resetRateLimit('login', authEnv.LOGIN_RATE_LIMIT_PER_MINUTE, ip);
}

/** Spec 004: `/planner/*` is limited to 20 calls per minute per user. */
export function consumePlannerCall(userId: string): Promise<RateLimitDecision> {
  return consumeRateLimit('planner', authEnv.PLANNER_RATE_LIMIT_PER_MINUTE, userId);
}
