import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, type CsvColumn } from '../export/export-csv';
import { csvText } from './accounting-csv-text';

type Row = { a: string; b: number | null };
const columns: CsvColumn<Row>[] = [
  { header: 'a "quoted", header', value: (r) => r.a },
  { header: 'b', value: (r) => r.b },
];

async function viaExportCsv(rows: Row[]): Promise<string> {
  async function* batches() {
    await Promise.resolve();
    yield rows;
  }
  const bytes = await new Response(exportCsv({ columns, batches: batches() })).arrayBuffer();
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('csvText', () => {
  it('writes what the streamed export writes, hostile cells included', async () => {
    const hostile: Row[] = [
      { a: '=HYPERLINK("http://evil.test","x")', b: -1 },
      { a: 'line\nbreak, "and" quotes\r\n', b: null },
      { a: '', b: 0 },
      { a: '+1\t@2', b: 12 },
    ];
    expect(csvText(columns, hostile)).toBe(await viaExportCsv(hostile));
    expect(csvText(columns, hostile)).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
  });

  it('matches the streamed export for any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ a: fc.string(), b: fc.option(fc.integer()) }), { maxLength: 5 }),
        async (rows) => {
          expect(csvText(columns, rows)).toBe(await viaExportCsv(rows));
        },
      ),
      { numRuns: 200 },
    );
  });
});
