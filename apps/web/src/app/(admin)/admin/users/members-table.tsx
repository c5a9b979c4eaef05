'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DataTable, Notice, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';

type Member = RouterOutputs['users']['listMembers'][number];

export function MembersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.getCurrentUser.queryOptions());
  const members = useQuery(trpc.users.listMembers.queryOptions());
  const setDisabled = useMutation(
    trpc.users.setMemberDisabled.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.users.listMembers.queryKey() }),
    }),
  );

  const columns: DataTableColumn<Member>[] = [
    { id: 'email', header: 'Email', cell: (m) => m.email },
    { id: 'role', header: 'Role', cell: (m) => m.role },
    {
      id: 'status',
      header: 'Status',
      cell: (m) =>
        m.isPlatformDisabled ? (
          <span className="badge badge-archived">suspended by Souk</span>
        ) : m.disabledAt ? (
          <span className="badge badge-archived">disabled</span>
        ) : (
          <span className="badge badge-active">active</span>
        ),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      cell: (m) =>
        m.userId === me.data?.user.id ? (
          <span className="muted">you</span>
        ) : (
          <button
            type="button"
            className={`button-small${m.disabledAt ? '' : ' button-danger'}`}
            disabled={setDisabled.isPending}
            onClick={() => setDisabled.mutate({ userId: m.userId, disabled: !m.disabledAt })}
          >
            {m.disabledAt ? `Enable ${m.email}` : `Disable ${m.email}`}
          </button>
        ),
    },
  ];

  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Disabling a user signs them out of this organization at once and blocks their access to it
        until re-enabled; any other organization they belong to is unaffected. Only an owner can
        disable an owner or an admin.
      </p>
      <DataTable
        label="Users"
        noun={['user', 'users']}
        columns={columns}
        data={members.data}
        total={members.data?.length}
        getRowId={(m) => m.userId}
        notices={<Notice kind="error">{setDisabled.error?.message}</Notice>}
        isLoading={members.isLoading}
        error={members.error?.message}
        emptyText="No users yet."
      />
    </>
  );
}
