'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Role } from '@souk/db';
import { inviteMemberInput } from '@souk/core/client';
import { Dialog, DialogClose, Field, Notice, fieldControlProps } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import { DialogSubmitActions, RoleOptions } from './dialog-parts';
import { assignableRoles, ROLE_LABELS } from './roles';

type Invited = RouterOutputs['users']['inviteMember'];

/**
 * "Invite": email and role. An emailed link by default; with EMAIL_TEMP_PASSWORDS the
 * account exists at once and its temporary password is shown here, once.
 */
export function InviteDialog({
  myRole,
  onInvited,
}: {
  myRole: Role | undefined;
  onInvited: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = assignableRoles(myRole);
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const [created, setCreated] = useState<Invited | null>(null);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(inviteMemberInput),
    defaultValues: { email: '', role: 'VIEWER' as const },
  });
  const { errors } = form.formState;
  const invite = useMutation(trpc.users.inviteMember.mutationOptions());

  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      // The temporary password is shown once: closing forgets it.
      setCreated(null);
      setCopyNote(null);
      setSummary(null);
      form.reset({ email: '', role: 'VIEWER' });
    }
  };

  const submit = form.handleSubmit(async (input) => {
    setSummary(null);
    try {
      const result = await invite.mutateAsync(input);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.users.listInvitations.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.users.listMembers.queryKey() }),
      ]);
      if (result.temporaryPassword) {
        setCreated(result);
      } else {
        onInvited(`Invitation sent to ${result.email}. The link works for 7 days.`);
        close(false);
      }
    } catch (error) {
      setSummary(applyFormErrors(form.setError, error));
    }
  });

  const copy = async () => {
    if (!created?.temporaryPassword) return;
    try {
      await navigator.clipboard.writeText(created.temporaryPassword);
      setCopyNote('Temporary password copied.');
    } catch {
      setCopyNote('Copying is not allowed here: select the password and copy it.');
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      trigger={
        <button type="button" className="button-primary">
          Invite
        </button>
      }
      title={created ? 'Account created' : 'Invite a user'}
      description={
        created
          ? `${created.email} can sign in as ${ROLE_LABELS[created.role].toLowerCase()} with this temporary password, and must choose their own at first sign-in. It is shown only now: pass it on privately. We emailed them that an account was created, without the password.`
          : 'We email them a link to join this organization. It works once, for 7 days.'
      }
    >
      {created ? (
        <>
          <p>
            <code className="temporary-password" aria-label="Temporary password">
              {created.temporaryPassword}
            </code>
          </p>
          <Notice kind="success">{copyNote}</Notice>
          <div className="dialog-actions">
            <button type="button" onClick={() => void copy()}>
              Copy temporary password
            </button>
            <DialogClose asChild>
              <button type="button" className="button-primary">
                Done
              </button>
            </DialogClose>
          </div>
        </>
      ) : (
        <form aria-label="Invite a user" noValidate onSubmit={(e) => void submit(e)}>
          <Notice kind="error">{summary}</Notice>
          <div style={{ marginBottom: '0.75rem' }}>
            <Field id="invite-email" label="Email" error={errors.email?.message}>
              <input
                {...fieldControlProps('invite-email', errors.email?.message)}
                {...form.register('email')}
                type="email"
                autoComplete="off"
              />
            </Field>
          </div>
          <Field id="invite-role" label="Role" error={errors.role?.message}>
            <select
              {...fieldControlProps('invite-role', errors.role?.message)}
              {...form.register('role')}
            >
              <RoleOptions roles={roles} />
            </select>
          </Field>
          <DialogSubmitActions
            pending={invite.isPending}
            label="Send invitation"
            pendingLabel="Sending…"
          />
        </form>
      )}
    </Dialog>
  );
}
