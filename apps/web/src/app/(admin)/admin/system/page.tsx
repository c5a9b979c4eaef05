import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { formatDateTime, StatusBadge } from '@souk/ui';
import { ListTable, type ListColumn } from '@/components/list-table';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'System' };
export const dynamic = 'force-dynamic';

interface HealthRow {
  id: string;
  name: string;
  status: 'ok' | 'degraded' | 'down';
  detail: string;
}
interface FlagRow {
  id: string;
  key: string;
  value: string;
  effect: string;
}
interface SettingRow {
  id: string;
  key: string;
  group: string;
  value: string;
}

// The badge says the status in words as well as in colour.
const HEALTH_COLUMNS: readonly ListColumn<HealthRow>[] = [
  { header: 'Check', cell: (row) => row.name },
  { header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
  { header: 'Detail', cell: (row) => row.detail },
];

const FLAG_COLUMNS: readonly ListColumn<FlagRow>[] = [
  { header: 'Flag', cell: (row) => <code>{row.key}</code> },
  { header: 'Value', cell: (row) => <code>{row.value}</code> },
  { header: 'Effect', cell: (row) => row.effect },
];

const SETTING_COLUMNS: readonly ListColumn<SettingRow>[] = [
  { header: 'Group', cell: (row) => row.group },
  { header: 'Setting', cell: (row) => <code>{row.key}</code> },
  { header: 'Value', cell: (row) => <code>{row.value}</code> },
];

export default async function SystemPage() {
  const session = await requireStaff('/admin/system');
  if (!can(session.role, 'ops.read')) {
    return (
      <>
        <h1>System</h1>
        <p className="muted">Only owners and admins can see the system status and settings.</p>
      </>
    );
  }
  const caller = await serverCaller();
  const [health, flags, config] = await Promise.all([
    caller.ops.getHealthDetails(),
    caller.ops.listFeatureFlags(),
    caller.ops.getConfig(),
  ]);

  return (
    <>
      <h1>System</h1>
      <section aria-labelledby="health-heading">
        <h2 id="health-heading">Health</h2>
        <p className="muted">Checked {formatDateTime(health.checkedAt)}. Reload to check again.</p>
        <ListTable
          label="Health checks"
          columns={HEALTH_COLUMNS}
          rows={health.checks.map((check) => ({ id: check.name, ...check }))}
        />
      </section>

      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading">Feature flags</h2>
        <p className="muted">Set in the environment; a change applies when the app restarts.</p>
        <ListTable
          label="Feature flags"
          columns={FLAG_COLUMNS}
          rows={flags.map((flag) => ({ id: flag.key, ...flag }))}
        />
      </section>

      <section aria-labelledby="config-heading">
        <h2 id="config-heading">Configuration</h2>
        <p className="muted">
          Whitelisted settings only. Secrets read <code>&lt;redacted&gt;</code> when set and{' '}
          <code>(not set)</code> otherwise: their values are never shown.
        </p>
        <ListTable
          label="Configuration"
          columns={SETTING_COLUMNS}
          rows={config.map((item) => ({ id: `${item.group}:${item.key}`, ...item }))}
        />
      </section>
    </>
  );
}
