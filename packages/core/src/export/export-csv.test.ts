import { describe, expect, it } from 'vitest';
import { money, type CsvValue } from './csv-cell';
import { exportCsv, type CsvColumn } from './export-csv';

async function* batchesOf<T>(...batches: T[][]) {
  for (const batch of batches) {
    await Promise.resolve();
    yield batch;
  }
}

async function textOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    await new Response(stream).arrayBuffer(),
  );
}

const single: CsvColumn<CsvValue>[] = [{ header: 'Value', value: (v) => v }];

describe('exportCsv', () => {
  it('writes hostile cells as inert, correctly quoted CSV', async () => {
    const cells: CsvValue[] = [
      '=HYPERLINK("http://evil.test","x")',
      '+1',
      '-1+2',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
      'say "hi", then\nleave',
      'line one\nline two',
      'nul\u0000byte',
      -1,
      money(-1234, 'USD'),
      null,
    ];
    const text = await textOf(exportCsv({ columns: single, batches: batchesOf(cells) }));
    expect(text).toBe(
      '\uFEFFValue\r\n' +
        `"'=HYPERLINK(""http://evil.test"",""x"")"\r\n` +
        "'+1\r\n" +
        "'-1+2\r\n" +
        "'@SUM(A1:A2)\r\n" +
        "'\t=1\r\n" +
        `"'\r=1"\r\n` +
        '"say ""hi"", then\nleave"\r\n' +
        '"line one\nline two"\r\n' +
        'nulbyte\r\n' +
        '-1\r\n' +
        '-12.34\r\n' +
        '\r\n',
    );
  });

  it('writes one column per definition, header first, across batches', async () => {
    type Row = { name: string; cents: number; at: Date };
    const columns: CsvColumn<Row>[] = [
      { header: 'Name', value: (r) => r.name },
      { header: 'Price', value: (r) => money(r.cents, 'USD') },
      { header: 'Currency', value: () => 'USD' },
      { header: 'At', value: (r) => r.at },
    ];
    const at = new Date(Date.UTC(2026, 4, 1));
    const text = await textOf(
      exportCsv({
        columns,
        batches: batchesOf([{ name: 'A, b', cents: 1234, at }], [{ name: 'C', cents: 0, at }]),
      }),
    );
    expect(text).toBe(
      '\uFEFFName,Price,Currency,At\r\n' +
        '"A, b",12.34,USD,2026-05-01T00:00:00.000Z\r\n' +
        'C,0.00,USD,2026-05-01T00:00:00.000Z\r\n',
    );
  });

  it('writes the header alone when there are no rows', async () => {
    const text = await textOf(exportCsv({ columns: single, batches: batchesOf<CsvValue>() }));
    expect(text).toBe('\uFEFFValue\r\n');
  });

  it('fetches a batch only when the reader pulls, and stops when it cancels', async () => {
    let fetched = 0;
    let finished = false;
    const row = 'x'.repeat(100);
    async function* batches() {
      try {
        for (let b = 0; b < 1000; b += 1) {
          fetched += 1;
          await Promise.resolve();
          yield Array.from({ length: 1000 }, () => row);
        }
      } finally {
        finished = true;
      }
    }
    const reader = exportCsv({ columns: single, batches: batches() }).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The buffers between the batches and the reader hold some rows, never the list.
    expect(fetched).toBeLessThanOrEqual(2);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(finished).toBe(true);
    expect(fetched).toBeLessThanOrEqual(2);
  });

  it('fails the download when a batch fails, instead of ending it early', async () => {
    async function* batches() {
      yield ['first'];
      await Promise.resolve();
      throw new Error('database went away');
    }
    await expect(textOf(exportCsv({ columns: single, batches: batches() }))).rejects.toThrow(
      'database went away',
    );
  });
});
