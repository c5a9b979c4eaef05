import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';
import {
  decodeSelectionParam,
  encodeSelectionParam,
  fitSelectionToProduct,
  SELECTION_PARAM_MAX,
  signInFromProduct,
  type CarriedSelection,
} from './carried-selection';

const carried: CarriedSelection = {
  quantity: 2,
  selection: {
    options: { size: ['growth'], formats: ['reels', 'stories'] },
    addOnIds: ['audit'],
    planId: 'quarterly',
    customFields: { handle: '@soukshop', note: 'Çà va — 日本 🚀' },
  },
};

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('encodeSelectionParam / decodeSelectionParam', () => {
  it('round-trips every choice, quantity and non-ASCII text included', () => {
    const encoded = encodeSelectionParam(carried);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSelectionParam(encoded)).toEqual(carried);
  });

  it('ignores garbage instead of throwing', () => {
    const hostile: unknown[] = [
      undefined,
      null,
      42,
      ['a', 'b'],
      '',
      'not base64!',
      'a',
      '%00',
      '\u0000',
      'e30\u0000',
      base64url('not json'),
      base64url('null'),
      base64url('[]'),
      base64url('"text"'),
      base64url('{"quantity":1,"selection":"junk"}'),
      base64url('{"quantity":0,"selection":{}}'),
      base64url('{"quantity":1.5,"selection":{}}'),
      base64url('{"quantity":1e9,"selection":{}}'),
      base64url('{"quantity":1,"selection":{"customFields":{"handle":"bad\\u0000"}}}'),
      base64url(`{"quantity":1,"selection":{"customFields":{"h":"${'x'.repeat(2001)}"}}}`),
      // Bytes that are not UTF-8.
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]).toString('base64url'),
    ];
    for (const value of hostile) expect(decodeSelectionParam(value), String(value)).toBeNull();
  });

  it('refuses a huge value before decoding it', () => {
    expect(decodeSelectionParam('A'.repeat(SELECTION_PARAM_MAX + 1))).toBeNull();
    expect(decodeSelectionParam('A'.repeat(5_000_000))).toBeNull();
  });

  it('fills what a hand-made link leaves out with the schema defaults', () => {
    expect(decodeSelectionParam(base64url('{"selection":{}}'))).toEqual({
      quantity: 1,
      selection: { options: {}, addOnIds: [], planId: null, customFields: {} },
    });
  });

  it('writes nothing when the selection would not fit in a link', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`f${i}`, 'x'.repeat(2000)]),
    );
    expect(
      encodeSelectionParam({
        ...carried,
        selection: { ...carried.selection, customFields: fields },
      }),
    ).toBeNull();
  });
});

describe('signInFromProduct', () => {
  const app = 'http://127.0.0.1:3100';

  it('comes back to the product page with the choices, a path safeCallbackPath keeps', () => {
    const link = new URL(signInFromProduct('instagram-growth', carried), app);
    expect(link.pathname).toBe('/signin');
    const back = link.searchParams.get('callbackUrl');
    expect(back).toMatch(/^\/products\/instagram-growth\?sel=[A-Za-z0-9_-]+$/);
    expect(safeCallbackPath(back, app)).toBe(back);
    const sel = new URL(back!, app).searchParams.get('sel');
    expect(decodeSelectionParam(sel)).toEqual(carried);
  });

  it('falls back to the bare product page for a selection too large for a link', () => {
    const huge = {
      ...carried.selection,
      customFields: { a: 'x'.repeat(2000), b: 'y'.repeat(2000), c: 'z'.repeat(2000) },
    };
    expect(signInFromProduct('instagram-growth', { quantity: 1, selection: huge })).toBe(
      '/signin?callbackUrl=%2Fproducts%2Finstagram-growth',
    );
  });
});

describe('fitSelectionToProduct', () => {
  const product = {
    optionGroups: [
      {
        id: 'size',
        name: 'Audience size',
        selectionType: 'single' as const,
        isRequired: true,
        options: [
          { id: 'starter', label: 'Starter', priceDeltaCents: 0 },
          { id: 'growth', label: 'Growth', priceDeltaCents: 3000 },
        ],
      },
      {
        id: 'formats',
        name: 'Content formats',
        selectionType: 'multiple' as const,
        isRequired: false,
        options: [
          { id: 'reels', label: 'Reels', priceDeltaCents: 1500 },
          { id: 'stories', label: 'Stories', priceDeltaCents: 900 },
        ],
      },
    ],
    addOns: [{ id: 'audit', label: 'Competitor audit', priceDeltaCents: 2900 }],
    customFields: [
      {
        id: 'handle',
        label: 'Instagram handle',
        fieldType: 'text' as const,
        isRequired: true,
        minLength: null,
        maxLength: null,
        pattern: null,
        minValue: null,
        maxValue: null,
      },
    ],
    subscriptionPlans: [
      {
        id: 'once',
        label: 'One-off',
        priceMultiplierBps: null,
        priceDeltaCents: null,
        isDefault: true,
      },
      { id: 'quarterly', label: 'Quarterly', priceMultiplierBps: 9000, priceDeltaCents: null },
    ],
  };

  it('keeps a selection the product offers as it was', () => {
    expect(fitSelectionToProduct(product, carried.selection)).toEqual({
      ...carried.selection,
      customFields: { handle: '@soukshop' },
    });
  });

  it('drops ids the product does not offer and falls back to the default plan', () => {
    // Raw JSON: an object literal would make `__proto__` the prototype, not a key.
    const tampered = decodeSelectionParam(
      base64url(
        '{"selection":{"options":{"size":["gone","starter","growth"],"ghost":["x"],"__proto__":["y"]},' +
          '"addOnIds":["audit","audit","free-lunch"],"planId":"lifetime-free",' +
          '"customFields":{"handle":"@me","constructor":"x","__proto__":"z"}}}',
      ),
    );
    expect(tampered).not.toBeNull();
    expect(fitSelectionToProduct(product, tampered!.selection)).toEqual({
      options: { size: ['starter'] },
      addOnIds: ['audit'],
      planId: 'once',
      customFields: { handle: '@me' },
    });
  });
});
