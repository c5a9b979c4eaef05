'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

export function MembersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const members = useQuery(trpc.users.list.queryOptions());
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
    }),
  );

  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Disabling a user signs them out of this organization at once and blocks their access to it
        until re-enabled; any other organization they belong to is unaffected. Only an owner can
        disable an owner or an admin.
      </p>
      {members.error ? (
        <div className="notice notice-error" role="alert">
          {members.error.message}
        </div>
      ) : null}
      {setDisabled.error ? (
        <div className="notice notice-error" role="alert">
          {setDisabled.error.message}
        </div>
      ) : null}
      <div className="table-wrap">
        <table aria-label="Users">
          <thead>
            <tr>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.data?.map((m) => (
              <tr key={m.userId}>
                <td>{m.email}</td>
                <td>{m.role}</td>
                <td>
                  {m.isPlatformDisabled ? (
                    <span className="badge badge-archived">suspended by Souk</span>
                  ) : m.disabledAt ? (
                    <span className="badge badge-archived">disabled</span>
                  ) : (
                    <span className="badge badge-active">active</span>
                  )}
                </td>
                <td>
                  {m.userId === me.data?.user.id ? (
                    <span className="muted">you</span>
                  ) : (
                    <button
                      type="button"
                      className={`button-small${m.disabledAt ? '' : ' button-danger'}`}
                      disabled={setDisabled.isPending}
                      onClick={() =>
                        setDisabled.mutate({ userId: m.userId, disabled: !m.disabledAt })
                      }
                    >
                      {m.disabledAt ? `Enable ${m.email}` : `Disable ${m.email}`}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
