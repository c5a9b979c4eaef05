import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import type { Flash } from './flash-notice';

/**
 * Shared mutation callbacks: clear the notice, show the server's message on failure,
 * and refetch every marketplace query (the list included) once settled.
 */
export function useAdminActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [flash, setFlash] = useState<Flash>(null);
  const fail = (error: unknown) => setFlash({ kind: 'error', text: errorMessage(error) });
  return {
    flash,
    succeed: (text: string) => setFlash({ kind: 'success', text }),
    fail,
    handlers: {
      onMutate: () => setFlash(null),
      onError: fail,
      // Templates are listed through marketplace.public, everything else through .admin.
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.marketplace.pathKey() }),
    },
  };
}

/** Which row has which inline form open; one at a time so every label stays unique. */
export function useOpenAction<A extends string>() {
  const [open, setOpen] = useState<{ id: string; action: A } | null>(null);
  return {
    isOpen: (id: string, action: A) => open?.id === id && open.action === action,
    toggle: (id: string, action: A) =>
      setOpen((o) => (o?.id === id && o.action === action ? null : { id, action })),
    close: () => setOpen(null),
  };
}
