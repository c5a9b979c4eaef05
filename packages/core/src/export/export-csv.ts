import { pipeline, Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import { csvCell, type CsvValue } from './csv-cell';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

// Rows converted ahead of the CSV writer; the next batch is fetched only once the
// writer has taken these, i.e. when the reader pulls.
const ROW_BUFFER = 16;

/** How every Souk CSV is written (the streamed downloads and the files the worker stores). */
export function csvOptions(columns: readonly { header: string }[]): Options {
  return {
    bom: true,
    header: true,
    columns: columns.map((column, i) => ({ key: String(i), header: column.header })),
    record_delimiter: 'windows',
    // Off by default once record_delimiter is set: a lone CR or LF in a cell would then
    // go out unquoted and split the row in every reader.
    quote_record_delimiter: true,
  };
}

/**
 * CSV text of the rows the batches yield, header first: UTF-8 with a BOM (Excel reads
 * it as UTF-8 only then), CRLF line ends (RFC 4180), every cell through `csvCell`.
 * Nothing is read ahead of the reader: a batch is fetched when the stream is pulled,
 * and cancelling the stream stops the batches.
 */
export function exportCsv<Row>({
  columns,
  batches,
}: {
  columns: readonly CsvColumn<Row>[];
  batches: AsyncIterable<readonly Row[]>;
}): ReadableStream<Uint8Array> {
  async function* records() {
    for await (const batch of batches) {
      for (const row of batch) yield columns.map((column) => csvCell(column.value(row)));
    }
  }
  const csv = stringify(csvOptions(columns));
  // pipeline destroys `csv` with the source's error, and the source when `csv` is destroyed.
  pipeline(Readable.from(records(), { highWaterMark: ROW_BUFFER }), csv, () => {});
  return pullOnly(csv);
}

/** A web stream that reads `source` only when its own reader asks for a chunk. */
function pullOnly(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
