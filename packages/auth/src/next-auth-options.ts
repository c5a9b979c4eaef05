import type { NextAuthOptions } from 'next-auth';
import CredentialsImport from 'next-auth/providers/credentials';

// next-auth 4 ships CommonJS: under plain Node ESM (scripts, tsx) the default
// import is the module object; bundlers unwrap it. Accept both.
const CredentialsProvider =
  (CredentialsImport as unknown as { default?: typeof CredentialsImport }).default ??
  CredentialsImport;
import { getDb, type Role } from '@souk/db';
import { authEnv } from './env';
import type { SoukSession } from './session-type';
import { clientIpFromHeaders, type HeaderSource } from './request-ip';
import { authenticate, loadSession, revokeSession } from './sessions';
import { isMfaRequiredError, MFA_REQUIRED } from './mfa';

declare module 'next-auth' {
  interface User {
    orgId: string;
    orgSlug: string;
    orgName: string;
    role: Role;
    sid: string;
    mfaVerified: boolean;
    breakGlassId: string | null;
    mustChangePassword: boolean;
  }
  // The session next-auth hands out is exactly Souk's session shape.
  interface Session extends Omit<SoukSession, 'user'> {
    user: SoukSession['user'];
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sid?: string;
    orgId?: string;
    orgSlug?: string;
    orgName?: string;
    role?: Role;
    mfaVerified?: boolean;
    breakGlassId?: string | null;
    mustChangePassword?: boolean;
  }
}

function header(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

// Secure, `__Secure-`-prefixed cookies whenever the public URL is https; a plain-http
// local run (pnpm start on localhost) would otherwise never get a cookie back.
const useSecureCookies = authEnv.NEXTAUTH_URL?.startsWith('https://') ?? false;

export const authOptions: NextAuthOptions = {
  secret: authEnv.NEXTAUTH_SECRET,
  useSecureCookies,
  // Credentials only work with JWT sessions; the JWT carries `sid`, checked against
  // auth_sessions on every read so sign-out and revocation take effect at once.
  session: { strategy: 'jwt', maxAge: authEnv.SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: '6-digit code', type: 'text' },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const user = await authenticate({
            db: getDb(),
            email: credentials.email,
            password: credentials.password,
            code: credentials.code || null,
            ip: clientIpFromHeaders(req.headers as HeaderSource),
            userAgent: header(req.headers, 'user-agent'),
          });
          return user ? { ...user, name: user.name ?? user.email } : null;
        } catch (error) {
          // next-auth hands a thrown message to signIn() as `error`: the sign-in page then
          // asks for the code. Only reached after a correct password.
          if (!isMfaRequiredError(error)) throw error;
          const { reason, retryAfterSeconds } = error;
          throw new Error(
            reason === 'missing'
              ? MFA_REQUIRED
              : reason === 'invalid'
                ? `${MFA_REQUIRED}:invalid`
                : `${MFA_REQUIRED}:rate_limited:${retryAfterSeconds}`,
          );
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        return {
          ...token,
          uid: user.id,
          sid: user.sid,
          orgId: user.orgId,
          orgSlug: user.orgSlug,
          orgName: user.orgName,
          role: user.role,
          mfaVerified: user.mfaVerified,
          breakGlassId: user.breakGlassId,
          mustChangePassword: user.mustChangePassword,
        };
      }
      const current = token.sid ? await loadSession({ db: getDb(), sid: token.sid }) : null;
      // Throwing here makes next-auth clear the cookie and answer "no session".
      if (!current) throw new Error('SESSION_REVOKED');
      return {
        ...token,
        role: current.role,
        orgSlug: current.orgSlug,
        orgName: current.orgName,
        email: current.email,
        name: current.name,
        mfaVerified: current.mfaVerified,
        breakGlassId: current.breakGlassId,
        mustChangePassword: current.mustChangePassword,
      };
    },
    session({ session, token }) {
      return {
        ...session,
        user: { id: token.uid ?? '', email: token.email ?? '', name: token.name ?? null },
        orgId: token.orgId ?? '',
        orgSlug: token.orgSlug ?? '',
        orgName: token.orgName ?? '',
        role: token.role ?? 'CUSTOMER',
        sid: token.sid ?? '',
        mfaVerified: token.mfaVerified ?? false,
        breakGlassId: token.breakGlassId ?? null,
        mustChangePassword: token.mustChangePassword ?? false,
      };
    },
  },
  events: {
    async signOut({ token }) {
      if (token.sid) await revokeSession({ db: getDb(), sid: token.sid });
    },
  },
  logger: {
    error(code, metadata) {
      if (code === 'JWT_SESSION_ERROR') return; // an expected, revoked session
      console.error(
        JSON.stringify({
          level: 'error',
          source: 'next-auth',
          code,
          metadata: metadata instanceof Error ? metadata.message : JSON.stringify(metadata),
        }),
      );
    },
    warn(code) {
      if (code === 'NEXTAUTH_URL' || code === 'DEBUG_ENABLED') return;
      console.warn(JSON.stringify({ level: 'warn', source: 'next-auth', code }));
    },
  },
};
