// rezStream's words on the account site's pages (seeds/001, "OAuth API Authorization": sign in, then approve the integration for one tenant,
// or several with multiTenant=true); the pages themselves are the core authorization server's.
import { errorPage as corePage, type PageBrand } from '../../core/oauth2/pages.js';

export const ACCOUNT_SITE: PageBrand = {
  site: 'rezStream Account',
  signInLead: (clientName) => `${clientName} would like to connect to your rezStream businesses.`,
  usernameLabel: 'Email',
  // IdentityServer's error view.
  errorHeading: 'Sorry, there was an error',
};

/** IdentityServer's error view: what cannot be sent back to the client is shown to the user. */
export function errorPage(error: string, description: string): string {
  return corePage(ACCOUNT_SITE, error, description);
}
