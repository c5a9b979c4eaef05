'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, DataTable, Notice, formatDateTime, type DataTableColumn } from '@souk/ui';
import type { Role } from '@souk/db';
import type { RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { assignableRoles, ROLE_LABELS } from './roles';

type Invitation = RouterOutputs['users']['listInvitations'][number];

/** Invitations not yet accepted: who, as what, until when; each can be withdrawn. */
export function InvitationsList({ myRole }: { myRole: Role | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.users.listInvitations.queryOptions());
  const revoke = useMutation(
    trpc.users.revokeInvitation.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.users.listInvitations.queryKey() }),
    }),
  );
  const mayRevoke = (role: Role) => (assignableRoles(myRole) as readonly Role[]).includes(role);

  const columns: DataTableColumn<Invitation>[] = [
    { id: 'email', header: 'Email', cell: (i) => i.email },
    { id: 'role', header: 'Role', cell: (i) => ROLE_LABELS[i.role] },
    { id: 'invitedBy', header: 'Invited by', cell: (i) => i.invitedByEmail ?? '—' },
    {
      id: 'expires',
      header: 'Link',
      cell: (i) =>
        i.isExpired ? (
          <span className="badge badge-archived">expired</span>
        ) : (
          <span>works until {formatDateTime(i.expiresAt)}</span>
        ),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      cell: (i) =>
        mayRevoke(i.role) ? (
          <ConfirmDialog
            trigger={
              <button type="button" className="button-small">
                {`Withdraw invitation for ${i.email}`}
              </button>
            }
            title="Withdraw this invitation?"
            description={`The link sent to ${i.email} stops working. You can invite them again later.`}
            confirmLabel="Withdraw invitation"
            tone="danger"
            onConfirm={() => revoke.mutateAsync({ id: i.id }).catch(() => undefined)}
          />
        ) : null,
    },
  ];

  return (
    <section aria-labelledby="pending-invitations" style={{ marginTop: '2rem' }}>
      <h2 id="pending-invitations">Pending invitations</h2>
      <DataTable
        label="Pending invitations"
        noun={['invitation', 'invitations']}
        columns={columns}
        data={invitations.data}
        total={invitations.data?.length}
        getRowId={(i) => i.id}
        notices={<Notice kind="error">{revoke.error?.message}</Notice>}
        isLoading={invitations.isLoading}
        error={invitations.error?.message}
        emptyText="No pending invitations."
      />
    </section>
  );
}
