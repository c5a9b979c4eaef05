import { formatStatus, statusTone } from './format';

/**
 * A stored status in words ("Awaiting vendor approval"), coloured by its tone. `label`
 * overrides the words where the server knows better (a paid booking that holds only
 * the deposit reads "Deposit paid").
 */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span className={`badge badge-${statusTone(status)}`} data-status={status}>
      {label ?? formatStatus(status)}
    </span>
  );
}
