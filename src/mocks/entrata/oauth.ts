// Entrata's App Store single sign-on (seeds/004 "OAuth Single Sign-On") on the core's grant ledger and authorization_code grant: the launch
// that appends `referrer` and `auth_code` to the app's URL, and getAccessToken's exchange of the code for an access token.
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Clock } from '../../core/clock.js';
import { clientNamed, singleField } from '../../core/oauth2/clients.js';
import type { OAuthWords, TokenFailure } from '../../core/oauth2/failures.js';
import { authorizationCodeGrant } from '../../core/oauth2/grant-types.js';
import { GrantLedger } from '../../core/oauth2/ledger.js';
import type { GrantHandler } from '../../core/oauth2/token-endpoint.js';
import { OpaqueTokens, type OpaqueTokenRecord } from '../../core/tokens/opaque.js';
import type { EntrataAccounts } from './accounts.js';
import { entrataErrors } from './errors.js';
import type { AccessTokenResult, CompanyUser, EntrataApp, EntrataGrant, ManagementCompany } from './types.js';

/** seeds/004: "the lifetime of the auth code is very short". The sandbox's choice: refused from its 30th second on. */
export const CODE_LIFETIME_SECONDS = 30;
/** Not published; the sandbox's choice (README). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
/** seeds/004's launch URL: `referrer=propertysolutions` says the request comes from Entrata. */
export const REFERRER = 'propertysolutions';

/**
 * A code in the document's format (`aKXbU6aPdDB6TlqLYygl5CWy4A==`: 19 bytes in base64), drawn again while it holds `+` or `/`, so the
 * launch URL, where Entrata appends it unescaped, reads back as the same code.
 */
export function launchCode(): string {
  for (;;) {
    const code = randomBytes(19).toString('base64');
    if (!/[+/]/.test(code)) return code;
  }
}

/** getAccessToken's failures in Entrata's envelope. */
export const entrataTokenWords: OAuthWords = {
  token(failure: TokenFailure) {
    switch (failure.kind) {
      case 'missing':
        return entrataErrors.missingField(failure.name);
      case 'repeated':
        return entrataErrors.repeatedField(failure.name);
      case 'no_client':
        return entrataErrors.missingField('client_id');
      case 'unknown_client':
      case 'wrong_secret':
        return entrataErrors.badClientCredentials();
      case 'unsupported_grant':
        return entrataErrors.wrongGrantType();
      case 'invalid_grant':
        return failure.reason === 'code_expired' ? entrataErrors.codeExpired() : failure.reason === 'code_reused' ? entrataErrors.codeUsed() : entrataErrors.codeInvalid();
      default:
        return entrataErrors.codeInvalid();
    }
  },
};

export type LaunchFailure = { kind: 'unknown_app' } | { kind: 'unknown_company' } | { kind: 'not_installed' } | { kind: 'unknown_user' };

export class EntrataOAuth {
  /** Access tokens: 40 lower-case hex characters (not published; the sandbox's choice), each standing for one user of one company. */
  readonly tokens: OpaqueTokens<EntrataGrant>;
  private readonly ledger: GrantLedger<EntrataGrant>;
  private readonly exchange: GrantHandler<EntrataApp>;

  constructor(clock: Clock, private readonly accounts: EntrataAccounts) {
    this.tokens = new OpaqueTokens(clock);
    this.ledger = new GrantLedger(clock, {
      codeLifetimeSeconds: CODE_LIFETIME_SECONDS,
      refreshLifetimeSeconds: 0,
      revokeAccess: (token) => this.tokens.revoke(token),
      handle: launchCode,
    });
    this.exchange = authorizationCodeGrant<EntrataApp, EntrataGrant>({
      ledger: this.ledger,
      words: entrataTokenWords,
      // seeds/004: "The access token will be different every time you request one for any given user."
      respond: async (_req, _app, grant) => {
        const token = this.tokens.register(randomBytes(20).toString('hex'), grant, ACCESS_TOKEN_LIFETIME_SECONDS);
        const result: AccessTokenResult = { access_token: token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_SECONDS };
        return result;
      },
    });
  }

  /** What Entrata loads in the iframe when a user clicks into an installed app: the app's URL with the two parameters appended. */
  launch(clientId: string, subdomain: string, userId?: number): { url: string; app: EntrataApp; company: ManagementCompany; user: CompanyUser } | LaunchFailure {
    const app = this.accounts.app(clientId);
    if (!app) return { kind: 'unknown_app' };
    const company = this.accounts.company(subdomain);
    if (!company) return { kind: 'unknown_company' };
    if (!this.accounts.installed(clientId, company.subdomain)) return { kind: 'not_installed' };
    const user = userId === undefined ? company.users[0] : this.accounts.user(company, userId);
    if (!user) return { kind: 'unknown_user' };
    const code = this.ledger.issueCode({ grant: { scopes: [...app.scopes], clientId, subdomain: company.subdomain, userId: user.id }, clientId, redirectUri: undefined, codeChallenge: undefined, nonce: undefined });
    const url = `${app.appUrl}${app.appUrl.includes('?') ? '&' : '?'}referrer=${REFERRER}&auth_code=${code}`;
    return { url, app, company, user };
  }

  /** getAccessToken: the app authenticates with the `auth` object's client_id and client_secret, then its code is exchanged once. */
  async getAccessToken(req: Request, auth: Record<string, unknown>): Promise<Record<string, unknown>> {
    const clientId = singleField(auth, 'client_id', entrataTokenWords);
    if (clientId === undefined) throw entrataErrors.missingField('client_id');
    const clientSecret = singleField(auth, 'client_secret', entrataTokenWords);
    if (clientSecret === undefined) throw entrataErrors.missingField('client_secret');
    const app = clientNamed(clientId, clientSecret, (id) => this.accounts.app(id), entrataTokenWords);
    const grantType = singleField(auth, 'grant_type', entrataTokenWords);
    if (grantType === undefined) throw entrataErrors.missingField('grant_type');
    if (grantType !== 'authorization_code') throw entrataErrors.wrongGrantType();
    // The answer `respond` made: an AccessTokenResult.
    return this.exchange({ req, body: auth, client: app });
  }

  /** The grant an access token stands for, or the envelope error for an unknown, revoked or expired one. */
  grantOf(token: string | undefined): { grant: EntrataGrant; record: OpaqueTokenRecord<EntrataGrant> } {
    const found = token === undefined ? { state: 'unknown' as const } : this.tokens.lookup(token);
    if (found.state === 'expired') throw entrataErrors.tokenExpired();
    if (found.state !== 'active') throw entrataErrors.tokenInvalid();
    return { grant: found.record.data, record: found.record };
  }

  reset(): void {
    this.ledger.reset();
    this.tokens.reset();
  }
}
