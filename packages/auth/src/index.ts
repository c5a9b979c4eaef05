export { authOptions, clientIpFrom } from './next-auth-options';
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
  isStaffRole,
  permissionsFor,
  PERMISSIONS,
  STAFF_ROLES,
  type Permission,
} from './roles';
export { hashPassword, verifyPassword, validatePassword, MIN_PASSWORD_LENGTH } from './password';
export {
  authenticate,
  loadSession,
  revokeSession,
  revokeUserSessions,
  normalizeEmail,
  type SessionUser,
} from './sessions';
export { changePassword, setUserDisabled } from './account';
