// Every marketplace split (deposit, allocation across vendors, commission,
// reservation/completion) goes through here so parts always sum to the whole.

/**
 * Largest-remainder apportionment of `total` cents by integer `weights`: each part
 * gets floor(total * w / sum); the cents left over go one each to the parts with
 * the largest remainders (ties to the earlier part). Deterministic, exact, no floats.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new Error('largestRemainder: total must be a non-negative safe integer');
  }
  if (weights.length === 0) throw new Error('largestRemainder: at least one weight is needed');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new Error('largestRemainder: weights must be non-negative safe integers');
  }
  // BigInt: total * weight can exceed 2^53 for large bookings.
  const big = weights.map(BigInt);
  const sum = big.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new Error('largestRemainder: weights must not all be zero');
  const T = BigInt(total);
  const parts = big.map((w) => (T * w) / sum);
  const remainders = big.map((w, i) => ({ i, r: T * w - parts[i]! * sum }));
  let left = T - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** Splits `total` into [share, rest] where share is `bps`/10000 of it (largest remainder). */
export function splitBps(total: number, bps: number): [number, number] {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) {
    throw new Error('splitBps: bps must be an integer in 0..10000');
  }
  if (bps === 0) return [0, total];
  if (bps === 10_000) return [total, 0];
  const [share, rest] = largestRemainder(total, [bps, 10_000 - bps]);
  return [share!, rest!];
}

export interface VendorShare {
  bookingVendorId: string;
  agreedAmountCents: number;
}

export interface AllocationPlan {
  bookingVendorId: string;
  grossCents: number;
  commissionCents: number;
  netCents: number;
  reservationCents: number;
  completionCents: number;
}

/**
 * One payment's money: allocated across vendors in proportion to their agreed
 * amounts, then each allocation split into platform commission and vendor net,
 * and the net into a reservation and a completion payout.
 */
export function planAllocation(
  paidCents: number,
  vendors: readonly VendorShare[],
  commissionBps: number,
  reservationBps: number,
): AllocationPlan[] {
  const gross = largestRemainder(
    paidCents,
    vendors.map((v) => v.agreedAmountCents),
  );
  return vendors.map((vendor, i) => {
    const grossCents = gross[i]!;
    const [commissionCents, netCents] = splitBps(grossCents, commissionBps);
    const [reservationCents, completionCents] = splitBps(netCents, reservationBps);
    return {
      bookingVendorId: vendor.bookingVendorId,
      grossCents,
      commissionCents,
      netCents,
      reservationCents,
      completionCents,
    };
  });
}

/**
 * "0.30" -> 3000 basis points, exactly (a setting typed as a fraction never goes
 * through a double). Accepts 0..1 with up to four decimals.
 */
export function fractionToBps(text: string): number {
  const match = /^(0|1)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match)
    throw new Error(`"${text}" is not a fraction between 0 and 1 with at most 4 decimals`);
  const bps = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  if (bps > 10_000) throw new Error(`"${text}" is more than 1`);
  return bps;
}
