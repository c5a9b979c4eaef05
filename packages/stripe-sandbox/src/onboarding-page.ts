// The Connect onboarding page an account link points at: GET /connect/onboarding/:linkId.
import { escapeHtml, layout, postButton } from './pay-page';
import { type Account } from './types';

export const ONBOARDING_PAGE_TITLE = 'Souk sandbox payouts onboarding';

export function accountDisplayName(account: Account): string {
  return account.business_profile.name ?? account.email ?? account.id;
}

export function renderOnboardingPage(account: Account, actionUrl: string): string {
  return layout(
    `<p>Set up payouts for <strong data-testid="account-name">${escapeHtml(accountDisplayName(account))}</strong>.</p>
<p>In the sandbox there is nothing to fill in: completing onboarding enables payouts.</p>
${postButton(actionUrl, 'Complete onboarding')}`,
    ONBOARDING_PAGE_TITLE,
  );
}

export function renderOnboardingLinkProblem(
  problem: 'used' | 'expired',
  refreshUrl: string,
): string {
  const reason =
    problem === 'used'
      ? 'This onboarding link has already been used.'
      : 'This onboarding link has expired.';
  return layout(
    `<p role="status">${reason}</p>
<p><a href="${escapeHtml(refreshUrl)}">Get a new onboarding link</a></p>`,
    ONBOARDING_PAGE_TITLE,
  );
}

export function renderOnboardingNotFound(id: string): string {
  return layout(
    `<p role="status">No such onboarding link: ${escapeHtml(id)}</p>`,
    ONBOARDING_PAGE_TITLE,
  );
}
