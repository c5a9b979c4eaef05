'use server';

import { TRPCError } from '@trpc/server';
import QRCode from 'qrcode';
import { serverCaller } from '@/trpc/server';

export type StartEnrollmentResult =
  | { ok: true; secret: string; otpauthUri: string; qrDataUrl: string }
  | { ok: false; message: string };

/**
 * Starts two-step verification setup: a new secret, and its QR code drawn here on the
 * server so no third-party script or service ever sees the secret.
 */
export async function startEnrollmentAction(): Promise<StartEnrollmentResult> {
  try {
    const { secret, otpauthUri } = await (await serverCaller()).mfa.beginEnrollment();
    const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
    return { ok: true, secret, otpauthUri, qrDataUrl };
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      return { ok: false, message: error.message };
    }
    return { ok: false, message: 'Something went wrong. Please try again.' };
  }
}
