import { SandboxApiError, invalidParam } from './errors';
import { type Params, optInteger, optString } from './params';
import { type ListObject } from './types';

/** Stripe cursor pagination over `items` (already newest first). */
export function paginate<T extends { id: string }>(
  items: T[],
  params: Params,
  url: string,
): ListObject<T> {
  const limit = optInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam(
      'limit',
      'Invalid limit: must be between 1 and 100',
      'parameter_invalid_integer',
    );
  }
  const after = optString(params, 'starting_after');
  const before = optString(params, 'ending_before');
  if (after !== undefined && before !== undefined) {
    throw new SandboxApiError(
      400,
      'invalid_request_error',
      'You may only specify one of these parameters: ending_before, starting_after.',
    );
  }
  const indexOf = (id: string, param: string): number => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `No such object: '${id}'`,
        param,
        'resource_missing',
      );
    }
    return index;
  };
  if (after !== undefined && after !== '') {
    const start = indexOf(after, 'starting_after') + 1;
    return {
      object: 'list',
      data: items.slice(start, start + limit),
      has_more: start + limit < items.length,
      url,
    };
  }
  if (before !== undefined && before !== '') {
    const end = indexOf(before, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url };
  }
  return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url };
}
