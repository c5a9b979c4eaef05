import { DialogClose } from '@souk/ui';
import { ROLE_LABELS, type StaffRole } from './roles';

/** The role choices of a select, in the words of the Users page. */
export function RoleOptions({ roles }: { roles: readonly StaffRole[] }) {
  return roles.map((r) => (
    <option key={r} value={r}>
      {ROLE_LABELS[r]}
    </option>
  ));
}

/** Cancel and the submit button of a Users page dialog form. */
export function DialogSubmitActions({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <div className="dialog-actions">
      <DialogClose asChild>
        <button type="button">Cancel</button>
      </DialogClose>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
