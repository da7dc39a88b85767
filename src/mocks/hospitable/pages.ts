// Hospitable's words on the pages of its authorization server (provider-facts.md §2: partners send users to
// https://auth.hospitable.com/oauth/authorize); the sign-in, consent and error pages themselves are the core authorization server's.
import type { PageBrand } from '../../core/oauth2/pages.js';

export const HOSPITABLE_SITE: PageBrand = {
  site: 'Hospitable',
  signInLead: (clientName) => `${clientName} would like to access your Hospitable account.`,
  usernameLabel: 'Email',
  errorHeading: 'Something went wrong',
};
