import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { authEnv } from './env';

let loginLimiter: RateLimiterAbstract | undefined;

// In-process by default; shared through Redis when several web instances run.
function getLoginLimiter(): RateLimiterAbstract {
  if (!loginLimiter) {
    const options = {
      keyPrefix: 'souk:login',
      points: authEnv.LOGIN_RATE_LIMIT_PER_MINUTE,
      duration: 60,
    };
    loginLimiter = authEnv.REDIS_URL
      ? new RateLimiterRedis({
          ...options,
          storeClient: new Redis(authEnv.REDIS_URL, { enableOfflineQueue: false }),
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  }
  return loginLimiter;
}

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Spec 004: sign-in is limited to 5 attempts per minute per client IP. */
export async function consumeLoginAttempt(ip: string): Promise<RateLimitDecision> {
  try {
    await getLoginLimiter().consume(ip);
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

/** For tests that exercise sign-in many times from one address. */
export async function resetLoginAttempts(ip: string): Promise<void> {
  await getLoginLimiter().delete(ip);
}
