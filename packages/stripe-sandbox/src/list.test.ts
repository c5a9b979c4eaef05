import { describe, expect, it } from 'vitest';
import { pageNewestFirst } from './list';

const make = (n: number) =>
  new Map(Array.from({ length: n }, (_, i) => [`obj_${i}`, { id: `obj_${i}`, n: i }]));

function walk(map: Map<string, { id: string; n: number }>, keep: (n: number) => boolean) {
  const seen: number[] = [];
  let after: string | undefined;
  for (;;) {
    const page = pageNewestFirst(
      map,
      (o) => o,
      (o) => keep(o.n),
      { limit: '7', ...(after ? { starting_after: after } : {}) },
      '/v1/things',
    );
    seen.push(...page.data.map((o) => o.n));
    if (!page.has_more) return seen;
    after = page.data.at(-1)!.id;
  }
}

describe('pageNewestFirst', () => {
  it('pages through a filtered collection newest first, each object once', () => {
    const map = make(100);
    const even = walk(map, (n) => n % 2 === 0);
    expect(even).toEqual(Array.from({ length: 50 }, (_, i) => 98 - 2 * i));
  });

  it('sees objects added between pages only on a new walk (they are newer than the cursor)', () => {
    const map = make(10);
    const first = pageNewestFirst(
      map,
      (o) => o,
      () => true,
      { limit: '5' },
      '/v1/things',
    );
    map.set('obj_10', { id: 'obj_10', n: 10 });
    const second = pageNewestFirst(
      map,
      (o) => o,
      () => true,
      { limit: '5', starting_after: first.data.at(-1)!.id },
      '/v1/things',
    );
    expect(first.data.map((o) => o.n)).toEqual([9, 8, 7, 6, 5]);
    expect(second.data.map((o) => o.n)).toEqual([4, 3, 2, 1, 0]);
    expect(second.has_more).toBe(false);
  });

  it('refuses an unknown cursor and a limit over 100 the way Stripe does', () => {
    const map = make(3);
    expect(() =>
      pageNewestFirst(
        map,
        (o) => o,
        () => true,
        { starting_after: 'obj_x' },
        '/v1/things',
      ),
    ).toThrow(/No such object/);
    expect(() =>
      pageNewestFirst(
        map,
        (o) => o,
        () => true,
        { limit: '101' },
        '/v1/things',
      ),
    ).toThrow(/between 1 and 100/);
  });
});
