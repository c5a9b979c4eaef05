// Words the portal's pages and API share.

/** The same answer whether or not the address is known: the form tells nobody who is a client. */
export const PORTAL_LINK_SENT = 'If we know this address, a link is on its way';
export const PORTAL_LINK_INVALID = 'This link is not valid; ask for a new one';
export const PORTAL_LINK_EXPIRED = 'This link has expired; ask for a new one';
export const PORTAL_LINK_USED = 'This link was already used; ask for a new one';
export const PORTAL_SIGNED_OUT = 'Your portal session has ended; ask for a new link';

export type PortalLinkProblem = 'invalid' | 'expired' | 'used';

export const PORTAL_LINK_PROBLEMS: Record<PortalLinkProblem, string> = {
  invalid: PORTAL_LINK_INVALID,
  expired: PORTAL_LINK_EXPIRED,
  used: PORTAL_LINK_USED,
};
