/**
 * Spec 000's retry settings for a scheduled job, and for the rows a job works
 * through (outbox messages, fulfillment tasks). One shape and one formula for
 * every retry in the system.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last one the work is dead-lettered. */
  maxAttempts: number;
  baseBackoffSeconds: number;
  backoffMultiplier: number;
  maxBackoffSeconds: number;
  /** Up to this many seconds added at random, so a crowd of retries spreads out. */
  jitterSeconds: number;
}

/**
 * Seconds to wait after failed attempt `attempt` (1-based): base × multiplier^(attempt−1),
 * capped at maxBackoffSeconds, plus 0..jitterSeconds. The jitter goes on after the cap so
 * retries that all reached the cap still spread out.
 */
export function retryDelaySeconds(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponential =
    policy.baseBackoffSeconds * policy.backoffMultiplier ** Math.max(0, attempt - 1);
  return Math.min(exponential, policy.maxBackoffSeconds) + policy.jitterSeconds * random();
}

/** True when `attempt` (1-based) was the last one the policy allows. */
export function isLastAttempt(policy: RetryPolicy, attempt: number): boolean {
  return attempt >= policy.maxAttempts;
}
