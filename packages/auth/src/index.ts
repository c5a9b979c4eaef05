export { authOptions } from './next-auth-options';
// Server-only settings (the operator's config view reads them; secrets are redacted there).
export { authEnv } from './env';
export { adminIpRefusal, adminIpRefusalFor } from './admin-ip';
export {
  ipInCidrs,
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
  consumePlannerCall,
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
export {
  issueApiTokens,
  refreshApiTokens,
  resolveAccessToken,
  revokeUserApiTokens,
  hashApiToken,
  parseApiToken,
  type ApiTokenPair,
  type ApiTokenErrorType,
} from './api-tokens';
export { signUp, SIGN_UP_PER_MINUTE } from './sign-up';
export {
  requestPasswordReset,
  PASSWORD_RESET_PER_MINUTE,
  PASSWORD_RESET_TOPIC,
} from './request-password-reset';
export { resetPassword } from './reset-password';
export {
  inviteMember,
  ACCOUNT_CREATED_TOPIC,
  INVITATION_TOPIC,
  type InviteMemberResult,
} from './invite-member';
export { listInvitations } from './list-invitations';
export { revokeInvitation } from './revoke-invitation';
export { acceptInvitation, getInvitation, ACCEPT_INVITATION_PER_MINUTE } from './accept-invitation';
export { hashInvitationToken, orgIdOfInvitationToken, INVITATION_TTL_MS } from './invitation-token';
export { sendMemberPasswordReset } from './send-member-password-reset';
export { signOutMemberEverywhere } from './sign-out-member';
export { removeMember } from './remove-member';
export {
  readResetToken,
  signResetToken,
  verifyResetToken,
  RESET_TOKEN_TTL_MS,
} from './reset-token';
export {
  beginEnrollment,
  checkMfaCode,
  confirmEnrollment,
  getMfaStatus,
  isMfaRequiredError,
  MFA_CODES_PER_MINUTE,
  MFA_ISSUER,
  MFA_REQUIRED,
  MfaRequiredError,
  RECOVERY_CODE_COUNT,
  regenerateRecoveryCodes,
  resetMfa,
  totpCodeAt,
  verifyMfaCode,
  type MfaCheck,
  type MfaStatus,
} from './mfa';
