import { SandboxApiError, invalidParam } from './errors';
import { type Params, optInteger, optString } from './params';
import { type ListObject } from './types';

function limitOf(params: Params): number {
  const limit = optInteger(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam(
      'limit',
      'Invalid limit: must be between 1 and 100',
      'parameter_invalid_integer',
    );
  }
  return limit;
}

/** Stripe cursor pagination over `items` (already newest first). */
export function paginate<T extends { id: string }>(
  items: T[],
  params: Params,
  url: string,
): ListObject<T> {
  const limit = limitOf(params);
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

interface InsertionIndex {
  ids: string[];
  position: Map<string, number>;
}

// Per collection, rebuilt only when its size changed: the objects these lists walk (events,
// sessions, intents, charges, refunds) are never deleted, so a new size means new objects.
const insertionIndexes = new WeakMap<Map<string, unknown>, InsertionIndex>();

function insertionIndex(map: Map<string, unknown>): InsertionIndex {
  let index = insertionIndexes.get(map);
  if (!index || index.ids.length !== map.size) {
    const ids = [...map.keys()];
    index = { ids, position: new Map(ids.map((id, i) => [id, i])) };
    insertionIndexes.set(map, index);
  }
  return index;
}

/**
 * `paginate` over a Map read newest first (insertion order is creation order), walking
 * from the cursor instead of filtering the whole collection: a page costs its own size
 * plus what the filter skips, so paging through 100,000 objects is not quadratic.
 */
export function pageNewestFirst<R, T extends { id: string }>(
  map: Map<string, R>,
  view: (record: R) => T,
  keep: (item: T) => boolean,
  params: Params,
  url: string,
): ListObject<T> {
  const before = optString(params, 'ending_before');
  if (before !== undefined && before !== '') {
    const items = [...map.values()].reverse().map(view).filter(keep);
    return paginate(items, params, url);
  }
  const limit = limitOf(params);
  const after = optString(params, 'starting_after');
  const { ids, position } = insertionIndex(map);
  let from = ids.length - 1;
  if (after !== undefined && after !== '') {
    const at = position.get(after);
    if (at === undefined) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `No such object: '${after}'`,
        'starting_after',
        'resource_missing',
      );
    }
    from = at - 1;
  }
  const data: T[] = [];
  let hasMore = false;
  for (let i = from; i >= 0; i -= 1) {
    const item = view(map.get(ids[i]!)!);
    if (!keep(item)) continue;
    if (data.length === limit) {
      hasMore = true;
      break;
    }
    data.push(item);
  }
  return { object: 'list', data, has_more: hasMore, url };
}
