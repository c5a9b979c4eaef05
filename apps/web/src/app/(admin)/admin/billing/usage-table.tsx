import type { RouterOutputs } from '@souk/api';
import { ListTable } from '@/components/list-table';
import { formatUsage } from './format-usage';

type Metric = RouterOutputs['billing']['getUsageReport']['metrics'][number];

/** Each metric against its limit, with the counter recorded as things happened. */
export function UsageTable({ report }: { report: { month: string; metrics: Metric[] } }) {
  const rows = report.metrics.map((m) => ({ ...m, id: m.metric }));
  return (
    <ListTable
      label={`Usage for ${report.month}`}
      rows={rows}
      columns={[
        { header: 'Metric', cell: (m) => m.label },
        { header: 'Used', className: 'num', cell: (m) => formatUsage(m.metric, m.value) },
        { header: 'Limit', className: 'num', cell: (m) => formatUsage(m.metric, m.limit) },
        {
          header: 'Over limit',
          cell: (m) =>
            m.overLimit ? <strong>Over by {formatUsage(m.metric, m.overageBy)}</strong> : 'No',
        },
        {
          header: 'Recorded counter',
          className: 'num',
          cell: (m) => (m.recorded === null ? 'Not recorded' : formatUsage(m.metric, m.recorded)),
        },
        {
          header: 'Drift',
          cell: (m) => (m.driftDetected ? <strong>Drift detected</strong> : 'None'),
        },
      ]}
    />
  );
}
