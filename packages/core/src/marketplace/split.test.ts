import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fractionToBps, largestRemainder, planAllocation, splitBps } from './split';

const cents = fc.integer({ min: 0, max: 1_000_000_000 });
const weights = fc
  .array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 })
  .filter((w) => w.some((x) => x > 0));

describe('largestRemainder', () => {
  it('parts sum exactly to the whole, each within one cent of its exact share', () => {
    fc.assert(
      fc.property(cents, weights, (total, w) => {
        const parts = largestRemainder(total, w);
        const sum = w.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          // |part - total*w/sum| < 1, compared in integers: |part*sum - total*w| < sum
          const diff = BigInt(part) * BigInt(sum) - BigInt(total) * BigInt(w[i]!);
          expect(diff < BigInt(sum) && diff > -BigInt(sum)).toBe(true);
          expect(part).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('gives a zero weight nothing and is deterministic', () => {
    fc.assert(
      fc.property(cents, weights, (total, w) => {
        const parts = largestRemainder(total, [...w, 0]);
        expect(parts.at(-1)).toBe(0);
        expect(largestRemainder(total, w)).toEqual(largestRemainder(total, w));
      }),
    );
  });

  it('hands leftover cents to the largest remainders, ties to the first', () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(largestRemainder(1, [1, 2])).toEqual([0, 1]);
    expect(largestRemainder(0, [5, 5])).toEqual([0, 0]);
  });

  it('refuses bad input', () => {
    expect(() => largestRemainder(-1, [1])).toThrow();
    expect(() => largestRemainder(1.5, [1])).toThrow();
    expect(() => largestRemainder(10, [0, 0])).toThrow();
    expect(() => largestRemainder(10, [])).toThrow();
  });
});

describe('splitBps', () => {
  it('splits into [share, rest] summing to the total', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 10_000 }), (total, bps) => {
        const [share, rest] = splitBps(total, bps);
        expect(share + rest).toBe(total);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(rest).toBeGreaterThanOrEqual(0);
      }),
    );
    expect(splitBps(10_000, 3000)).toEqual([3000, 7000]);
    expect(splitBps(1001, 1000)).toEqual([100, 901]);
    expect(splitBps(999, 5000)).toEqual([500, 499]);
  });
});

describe('planAllocation', () => {
  const vendorsArb = fc.array(fc.integer({ min: 1, max: 50_000_000 }), {
    minLength: 1,
    maxLength: 8,
  });

  it('every cent of a payment lands in exactly one place', () => {
    fc.assert(
      fc.property(
        cents,
        vendorsArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (paid, agreed, commissionBps, reservationBps) => {
          const plan = planAllocation(
            paid,
            agreed.map((a, i) => ({ bookingVendorId: `bv${i}`, agreedAmountCents: a })),
            commissionBps,
            reservationBps,
          );
          expect(plan.reduce((s, p) => s + p.grossCents, 0)).toBe(paid);
          for (const p of plan) {
            expect(p.commissionCents + p.netCents).toBe(p.grossCents);
            expect(p.reservationCents + p.completionCents).toBe(p.netCents);
          }
        },
      ),
    );
  });

  it('matches the spec numbers: 10% commission, 50% reservation', () => {
    // $1,000 venue + $500 photographer, paid in full.
    const plan = planAllocation(
      150_000,
      [
        { bookingVendorId: 'venue', agreedAmountCents: 100_000 },
        { bookingVendorId: 'photo', agreedAmountCents: 50_000 },
      ],
      1000,
      5000,
    );
    expect(plan).toEqual([
      {
        bookingVendorId: 'venue',
        grossCents: 100_000,
        commissionCents: 10_000,
        netCents: 90_000,
        reservationCents: 45_000,
        completionCents: 45_000,
      },
      {
        bookingVendorId: 'photo',
        grossCents: 50_000,
        commissionCents: 5_000,
        netCents: 45_000,
        reservationCents: 22_500,
        completionCents: 22_500,
      },
    ]);
  });
});

describe('fractionToBps', () => {
  it('reads settings exactly', () => {
    expect(fractionToBps('0.30')).toBe(3000);
    expect(fractionToBps('0.1')).toBe(1000);
    expect(fractionToBps('0.5')).toBe(5000);
    expect(fractionToBps('1')).toBe(10_000);
    expect(fractionToBps('0.0725')).toBe(725);
    expect(() => fractionToBps('1.5')).toThrow();
    expect(() => fractionToBps('30%')).toThrow();
    expect(() => fractionToBps('0.12345')).toThrow();
  });
});
