import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it('keeps an id a load balancer or another service sent', () => {
    expect(requestIdFrom('ready-check-1')).toBe('ready-check-1');
    expect(requestIdFrom('Root=1-67891233-abcdef012345678912345678')).toBe(
      'Root=1-67891233-abcdef012345678912345678',
    );
  });

  it('replaces a missing, oversized or header-breaking id with a fresh uuid', () => {
    for (const bad of [null, undefined, '', 'a b;<script>', 'x'.repeat(129), 'line\r\nbreak']) {
      expect(requestIdFrom(bad)).toMatch(UUID);
    }
  });
});
