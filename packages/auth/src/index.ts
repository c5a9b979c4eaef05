export { authOptions } from './next-auth-options';
export {
  normalizeIp,
  parseTrustedCidrs,
  resolveClientIp,
  SOCKET_IP_HEADER,
  type TrustedCidr,
} from './client-ip';
export { clientIpFromHeaders, consumeSignInAttempt, type HeaderSource } from './request-ip';
export { getSoukSession, type SoukSession } from './server';
export {
  consumeLoginAttempt,
  resetLoginAttempts,
  consumeRateLimit,
  resetRateLimit,
  type RateLimitDecision,
} from './rate-limit';
export {
  can,
  isSelfServicePermission,
  isStaffRole,
  permissionsFor,
  PERMISSIONS,
  STAFF_ROLES,
  type Permission,
} from './roles';
export {
  hashPassword,
  verifyPassword,
  validatePassword,
  validateNewPassword,
  MIN_PASSWORD_LENGTH,
} from './password';
export {
  authenticate,
  loadSession,
  revokeSession,
  revokeUserSessions,
  normalizeEmail,
  type SessionUser,
} from './sessions';
export { changePassword, setUserDisabled, setUserRole } from './account';
export { signUp, SIGN_UP_PER_MINUTE } from './sign-up';
export {
  requestPasswordReset,
  PASSWORD_RESET_PER_MINUTE,
  PASSWORD_RESET_TOPIC,
} from './request-password-reset';
export { resetPassword } from './reset-password';
export {
  readResetToken,
  signResetToken,
  verifyResetToken,
  RESET_TOKEN_TTL_MS,
} from './reset-token';
