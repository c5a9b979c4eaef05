import type { ProcessorListCall, ProcessorListParams } from './gateway';

export interface ProcessorPage<T> {
  data: T[];
  /** The page's last id: resume with `startingAfter: cursor` once the page is handled. */
  cursor: string | null;
  hasMore: boolean;
}

export interface PageThrough<T> extends AsyncIterable<T> {
  /**
   * The id of the object most recently handed out (or the `startingAfter` it began with).
   * Save it once that object is handled; passing it back as `startingAfter` resumes with
   * the next older object, so a killed walk neither skips nor repeats handled objects.
   */
  readonly cursor: string | null;
  /** Pages fetched so far. */
  readonly pages: number;
  /** The same walk a page at a time, for callers that checkpoint per page. */
  byPage(): AsyncIterable<ProcessorPage<T>>;
}

/**
 * Walks a processor list call from newest to oldest, one request per page, holding one
 * page in memory at a time. Walk it once: objects and pages share one position.
 */
export function pageThrough<T extends { id: string }, P extends ProcessorListParams>(
  list: ProcessorListCall<T, P>,
  params: P,
): PageThrough<T> {
  let cursor: string | null = params.startingAfter ?? null;
  let pages = 0;

  async function* walkPages(): AsyncGenerator<ProcessorPage<T>> {
    let startingAfter = params.startingAfter;
    for (;;) {
      const page = await list(startingAfter === undefined ? params : { ...params, startingAfter });
      pages += 1;
      const last = page.data.at(-1)?.id ?? null;
      yield { data: page.data, cursor: last ?? startingAfter ?? null, hasMore: page.hasMore };
      if (!page.hasMore || last === null) return;
      // A processor that hands back the cursor it was given would loop forever.
      if (last === startingAfter) throw new Error(`List did not advance past ${last}`);
      startingAfter = last;
    }
  }

  return {
    get cursor() {
      return cursor;
    },
    get pages() {
      return pages;
    },
    async *byPage() {
      for await (const page of walkPages()) {
        if (page.cursor !== null) cursor = page.cursor;
        yield page;
      }
    },
    async *[Symbol.asyncIterator]() {
      for await (const page of walkPages()) {
        for (const item of page.data) {
          cursor = item.id;
          yield item;
        }
      }
    },
  };
}
