// CSV exports of admin lists: a subpath of its own so the worker bundle never reaches csv-stringify.
export { csvCell, neutraliseText, type CsvValue } from './csv-cell';
export { exportCsv, type CsvColumn } from './export-csv';
export { EXPORT_BATCH_SIZE, type ExportPermission, type ListExport } from './list-export';
export { listExportNamed, type ListExportName } from './list-exports';
