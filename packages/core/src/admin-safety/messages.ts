export const READ_ONLY_MESSAGE =
  'Admin is in read-only mode: changes are paused during an incident';
export const READ_ONLY_OFF_MESSAGE =
  'Read-only mode is off: changes are allowed without break-glass';
export const BREAK_GLASS_USED_MESSAGE = 'This break-glass token was already used';
