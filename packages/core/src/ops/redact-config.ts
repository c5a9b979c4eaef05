// Spec 002 config viewer: whitelisted settings only, secrets never echoed.

export const REDACTED = '<redacted>';
export const NOT_SET = '(not set)';

export interface ConfigSetting {
  key: string;
  group: string;
  value: unknown;
  /** Forces redaction where the name does not say it (a password in a URL, a webhook URL). */
  secret?: boolean;
}

export interface ConfigItem {
  key: string;
  group: string;
  value: string;
}

// Names that hold tokens, keys, passwords and secrets: anywhere for the unambiguous words,
// at the end for TOKEN/KEY (ACCESS_TOKEN_EXPIRE_MINUTES is a lifetime, not a token).
// KEY_ID too: an access key id is half a credential and names the account.
const SECRET_NAME =
  /SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|API_KEY|(?:^|_)(?:TOKEN|KEY|KEY_ID|DSN)$/i;

/** A URL with a user, password or query string may carry a credential (webhook tokens, signed links). */
function urlMayHoldCredential(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '' || url.search !== '';
  } catch {
    return false;
  }
}

export function isSecretSetting(setting: ConfigSetting): boolean {
  if (setting.secret || SECRET_NAME.test(setting.key)) return true;
  // Webhook URLs are bearer capabilities (Slack's carry their token in the path).
  if (/WEBHOOK_URL$/i.test(setting.key)) return true;
  return typeof setting.value === 'string' && urlMayHoldCredential(setting.value);
}

function isUnset(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function display(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  // Parsed structures (CIDR lists and the like) are summarized by the caller; never dumped.
  return REDACTED;
}

/**
 * The operator's view of the settings: secrets read `<redacted>` when set and
 * `(not set)` otherwise, so presence is visible and the value never is.
 */
export function redactConfig(settings: readonly ConfigSetting[]): ConfigItem[] {
  return settings.map((setting) => ({
    key: setting.key,
    group: setting.group,
    value: isUnset(setting.value)
      ? NOT_SET
      : isSecretSetting(setting)
        ? REDACTED
        : display(setting.value),
  }));
}
