'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import {
  ConfirmDialog,
  DataTable,
  Dialog,
  Field,
  Menu,
  Notice,
  fieldControlProps,
  type DataTableColumn,
  type MenuItem,
} from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import { InvitationsList } from './invitations-list';
import { DialogSubmitActions, RoleOptions } from './dialog-parts';
import { InviteDialog } from './invite-dialog';
import { assignableRoles, ROLE_LABELS, STAFF_ROLE_OPTIONS, type StaffRole } from './roles';

type Member = RouterOutputs['users']['listMembers'][number];

const isStaff = (m: Member): m is Member & { role: StaffRole } =>
  (STAFF_ROLE_OPTIONS as readonly string[]).includes(m.role);

export function MembersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.getCurrentUser.queryOptions());
  const members = useQuery(trpc.users.listMembers.queryOptions());
  const myId = me.data?.user.id;
  const myRole = me.data?.role;
  const isOwner = myRole === 'OWNER';

  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [roleFor, setRoleFor] = useState<(Member & { role: StaffRole }) | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.users.listMembers.queryKey() });
  const options = { onSettled: refresh };
  const setDisabled = useMutation(trpc.users.setMemberDisabled.mutationOptions(options));
  const setRole = useMutation(trpc.users.setMemberRole.mutationOptions(options));
  const sendReset = useMutation(trpc.users.sendPasswordReset.mutationOptions());
  const signOutAll = useMutation(trpc.users.signOutEverywhere.mutationOptions());
  const remove = useMutation(trpc.users.removeMember.mutationOptions(options));
  const resetMfa = useMutation(trpc.mfa.resetMember.mutationOptions());

  /** Runs an action and says how it went in the page's notice. */
  async function act<T>(run: () => Promise<T>, message: (result: T) => string) {
    setDone(null);
    setFailed(null);
    try {
      setDone(message(await run()));
    } catch (error) {
      setFailed(errorMessage(error));
    }
  }

  // Opened once the menu has closed and handed focus back to its button: the dialog then
  // takes focus from there and returns it there on close.
  const afterMenu = (open: () => void) => () => void setTimeout(open, 0);

  function itemsFor(m: Member): MenuItem[] {
    const self = m.userId === myId;
    const items: MenuItem[] = [];
    if (!self && isStaff(m))
      items.push({ label: 'Change role', onSelect: afterMenu(() => setRoleFor(m)) });
    items.push({
      label: 'Send password reset',
      onSelect: () =>
        void act(
          () => sendReset.mutateAsync({ userId: m.userId }),
          (r) => `Password reset link sent to ${r.email}. It works for 30 minutes.`,
        ),
    });
    items.push({
      label: 'Sign out everywhere',
      onSelect: () =>
        void act(
          async () => {
            const result = await signOutAll.mutateAsync({ userId: m.userId });
            // This browser's session was one of them.
            if (self) await signOut({ callbackUrl: '/signin' });
            return result;
          },
          (r) =>
            `${m.email} is signed out everywhere (${r.sessionsRevoked} ${r.sessionsRevoked === 1 ? 'session' : 'sessions'} ended). They can sign in again.`,
        ),
    });
    if (!self) {
      items.push({
        label: m.disabledAt ? 'Enable' : 'Disable',
        onSelect: () =>
          void act(
            () => setDisabled.mutateAsync({ userId: m.userId, disabled: !m.disabledAt }),
            (r) => `${m.email} is ${r.disabled ? 'disabled' : 'enabled again'}.`,
          ),
      });
    }
    if (isOwner && !self && isStaff(m)) {
      items.push({
        label: 'Reset two-step verification',
        onSelect: () =>
          void act(
            () => resetMfa.mutateAsync({ userId: m.userId }),
            () =>
              `Two-step verification of ${m.email} is reset: they set it up again at their next sign-in.`,
          ),
      });
    }
    if (!self && isStaff(m)) {
      items.push({
        label: 'Remove from organization',
        tone: 'danger',
        onSelect: afterMenu(() => setRemoving(m)),
      });
    }
    return items;
  }

  const columns: DataTableColumn<Member>[] = [
    { id: 'email', header: 'Email', cell: (m) => m.email },
    { id: 'name', header: 'Name', cell: (m) => m.name ?? '—' },
    { id: 'role', header: 'Role', cell: (m) => ROLE_LABELS[m.role] },
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
      cell: (m) => (
        <>
          {m.userId === myId ? <span className="muted">you </span> : null}
          <Menu label={`Actions for ${m.email}`} triggerText="Actions" items={itemsFor(m)} />
        </>
      ),
    },
  ];

  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Disabling a user signs them out of this organization at once and blocks their access to it
        until re-enabled; removing them takes them out of it. Any other organization they belong to
        is unaffected. Only an owner can change, disable or remove an owner or an admin.
      </p>
      <div className="toolbar">
        <InviteDialog myRole={myRole} onInvited={(message) => setDone(message)} />
      </div>
      <DataTable
        label="Users"
        noun={['user', 'users']}
        columns={columns}
        data={members.data}
        total={members.data?.length}
        getRowId={(m) => m.userId}
        notices={
          <>
            <Notice kind="error">{failed}</Notice>
            <Notice kind="success">{done}</Notice>
          </>
        }
        isLoading={members.isLoading}
        error={members.error?.message}
        emptyText="No users yet."
      />
      <InvitationsList myRole={myRole} />

      {roleFor !== null ? (
        <ChangeRoleDialog
          member={roleFor}
          roles={assignableRoles(myRole)}
          pending={setRole.isPending}
          onClose={() => setRoleFor(null)}
          onSave={(role) =>
            setRole.mutateAsync({ userId: roleFor.userId, role }).then(() => {
              setFailed(null);
              setDone(`${roleFor.email} is now ${ROLE_LABELS[role].toLowerCase()}.`);
              setRoleFor(null);
            })
          }
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? null : setRemoving(null))}
        title={`Remove ${removing?.email ?? ''} from the organization?`}
        description="They lose access to this organization at once and their sessions here end. Their account and any other organization stay. To bring them back, invite them again."
        confirmLabel="Remove"
        pendingLabel="Removing…"
        tone="danger"
        onConfirm={() => {
          const m = removing;
          if (!m) return undefined;
          return act(
            () => remove.mutateAsync({ userId: m.userId }),
            () => `${m.email} is removed from the organization.`,
          );
        }}
      />
    </>
  );
}

function ChangeRoleDialog({
  member,
  roles,
  pending,
  onClose,
  onSave,
}: {
  member: Member & { role: StaffRole };
  roles: readonly StaffRole[];
  pending: boolean;
  onClose: () => void;
  onSave: (role: StaffRole) => Promise<void>;
}) {
  const [role, setRole] = useState<StaffRole>(member.role);
  const [error, setError] = useState<string | null>(null);
  // Their current role stays listed even when it is one the caller cannot give.
  const choices = roles.includes(member.role) ? roles : [member.role, ...roles];
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={`Change the role of ${member.email}`}
      description="The new role applies on their next request."
    >
      <form
        aria-label="Change role"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          onSave(role).catch((err: unknown) => setError(errorMessage(err)));
        }}
      >
        <Field id="member-role" label="Role" error={error}>
          <select
            {...fieldControlProps('member-role', error)}
            value={role}
            onChange={(e) => setRole(e.target.value as StaffRole)}
          >
            <RoleOptions roles={choices} />
          </select>
        </Field>
        <DialogSubmitActions pending={pending} label="Save role" pendingLabel="Saving…" />
      </form>
    </Dialog>
  );
}
