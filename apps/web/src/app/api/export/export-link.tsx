import type { ListExportName } from '@souk/core/export';
import { exportHref } from './export-href';

/** "Export CSV" for a list page: the whole list with the filters its table shows. */
export function ExportLink({ list, query }: { list: ListExportName; query: object }) {
  return (
    <a className="button" href={exportHref(list, query)} download>
      Export CSV
    </a>
  );
}
