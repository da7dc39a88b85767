// Hospitable's access tokens on the virtual clock (seeds/002, provider-facts.md §2): personal access tokens made by an account owner with Read
// and/or Write, a partner's OAuth access tokens (12 hours) and v1's client-credentials tokens, all Passport JWTs known by value, revocable.
import type { Clock } from '../../core/clock.js';
import { OpaqueTokens } from '../../core/tokens/opaque.js';
import { SeededRandom } from '../../core/seeded-random.js';
import { PAT_LIFETIME_SECONDS, passportClaims, passportJwt, patScopes, PERSONAL_ACCESS_CLIENT, tokenId } from './records.js';
import type { HospitableUser, Permission, PersonalAccessToken, V1Client } from './types.js';

/** provider-facts: "access token 12 h, refresh token 90 days". */
export const ACCESS_TOKEN_LIFETIME = 43_200;
export const REFRESH_TOKEN_LIFETIME = 90 * 86_400;
/** league/oauth2-server's default: codes live ten minutes. */
export const AUTHORIZATION_CODE_LIFETIME = 600;
/** How long a sign-in and consent may take. */
export const INTERACTION_LIFETIME = 900;
/** Not published: v1's client-credentials tokens live as long as v2's OAuth tokens. */
export const V1_TOKEN_LIFETIME = ACCESS_TOKEN_LIFETIME;

/** How a token was made: which API it reaches (v2 for PATs and OAuth, v1 for client credentials) and what it may do. */
export type GrantKind = 'pat' | 'oauth' | 'v1';

/** What an access token stands for; an OAuth grant before its token is issued too (the authorization server's `G`). */
export interface Grant {
  kind: GrantKind;
  accountId: string;
  userId: string;
  clientId: string;
  /** OAuth scopes; `pat:read`/`pat:write` for personal access tokens. */
  scopes: string[];
  /** seeds/002's Read and Write, for PATs and v1 clients; empty for OAuth, whose scopes decide. */
  permissions: Permission[];
  patId?: string;
}

export class HospitableGrants {
  private readonly tokens: OpaqueTokens<Grant>;
  private pats = new Map<string, PersonalAccessToken>();
  private seedPending = true;
  private ids!: SeededRandom;

  constructor(private readonly clock: Clock, private readonly seedNumber: number, private readonly seeded: () => readonly PersonalAccessToken[]) {
    this.tokens = new OpaqueTokens(clock);
    this.reset();
  }

  /** Every access token, seeded PATs registered on first need. */
  get access(): OpaqueTokens<Grant> {
    this.registerSeeded();
    return this.tokens;
  }

  /** "Add new" under Apps → API access → Access tokens: a name and permissions, the value shown once. */
  createPat(user: HospitableUser, name: string, permissions: Permission[]): PersonalAccessToken {
    const issued = this.clock.nowMs();
    const claims = passportClaims(PERSONAL_ACCESS_CLIENT, user.id, patScopes(permissions), issued, PAT_LIFETIME_SECONDS, tokenId());
    return this.addPat({
      id: `pat_${this.ids.alphanumeric(12, 'lower')}`,
      name,
      permissions: [...permissions],
      accountId: user.accountId,
      userId: user.id,
      createdAt: new Date(issued).toISOString(),
      expiresAt: new Date(issued + PAT_LIFETIME_SECONDS * 1000).toISOString(),
      token: passportJwt(claims),
    });
  }

  private addPat(pat: PersonalAccessToken): PersonalAccessToken {
    const lifetime = (Date.parse(pat.expiresAt) - this.clock.nowMs()) / 1000;
    this.tokens.register(pat.token, { kind: 'pat', accountId: pat.accountId, userId: pat.userId, clientId: PERSONAL_ACCESS_CLIENT, scopes: patScopes(pat.permissions), permissions: [...pat.permissions], patId: pat.id }, lifetime);
    this.pats.set(pat.id, pat);
    return pat;
  }

  /** The account's tokens without their values. */
  listPats(accountId: string): Array<Omit<PersonalAccessToken, 'token'>> {
    this.registerSeeded();
    return [...this.pats.values()].filter((p) => p.accountId === accountId).map(({ token: _value, ...rest }) => rest);
  }

  /** Revoked tokens are refused at once. */
  revokePat(id: string): PersonalAccessToken | undefined {
    this.registerSeeded();
    const pat = this.pats.get(id);
    if (!pat) return undefined;
    this.tokens.revoke(pat.token);
    this.pats.delete(id);
    return pat;
  }

  /** A partner's access token for the grant the user approved: a Passport JWT, 12 hours. */
  issueOAuthAccess(grant: Grant): string {
    const claims = passportClaims(grant.clientId, grant.userId, grant.scopes, this.clock.nowMs(), ACCESS_TOKEN_LIFETIME, tokenId());
    return this.access.register(passportJwt(claims), { ...grant, kind: 'oauth', permissions: [] }, ACCESS_TOKEN_LIFETIME);
  }

  /** v1's client-credentials token: the account owner's, with the client's permissions. */
  issueV1Access(client: V1Client, ownerId: string): string {
    const claims = passportClaims(client.clientId, ownerId, [], this.clock.nowMs(), V1_TOKEN_LIFETIME, tokenId());
    return this.access.register(passportJwt(claims), { kind: 'v1', accountId: client.accountId, userId: ownerId, clientId: client.clientId, scopes: [], permissions: [...client.permissions] }, V1_TOKEN_LIFETIME);
  }

  reset(): void {
    this.tokens.reset();
    this.pats.clear();
    this.seedPending = true;
    this.ids = new SeededRandom(this.seedNumber, 'hospitable-tokens');
  }

  private registerSeeded(): void {
    if (!this.seedPending) return;
    this.seedPending = false;
    for (const pat of this.seeded()) this.addPat(pat);
  }
}
