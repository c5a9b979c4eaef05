import { coreEnv } from './env';
import { redirectUrl } from './validation';

/** Where redirects may go: the storefront's own host plus ALLOWED_REDIRECT_HOSTS. */
export function allowedRedirectHosts(
  env: Pick<typeof coreEnv, 'PUBLIC_WEB_URL' | 'ALLOWED_REDIRECT_HOSTS'> = coreEnv,
): string[] {
  return [new URL(env.PUBLIC_WEB_URL).host.toLowerCase(), ...env.ALLOWED_REDIRECT_HOSTS];
}

/** `redirectUrl()` bound to this deployment's allowed hosts. */
export function appRedirectUrl(label?: string) {
  return redirectUrl({ allowedHosts: () => allowedRedirectHosts(), label });
}
