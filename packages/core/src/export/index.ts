// CSV exports of admin lists and of stored accounting files (csv-stringify, formula cells neutralised).
export { csvCell, neutraliseText, type CsvValue } from './csv-cell';
export { exportCsv, type CsvColumn } from './export-csv';
export {
  EXPORT_BATCH_SIZE,
  type ExportFilters,
  type ExportPermission,
  type ListExport,
} from './list-export';
export { listExportNamed, type ListExportName } from './list-exports';
