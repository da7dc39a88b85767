// OwnerRez's two credential kinds (seeds/000, "Authentication"): personal access tokens (`pt_…`, made in Developer/API Settings, shown once,
// living until revoked) and OAuth apps' access tokens (`at_…`, "Standard" 30 days or no expiry, provider-facts §1), on the virtual clock.
// Codes and refresh tokens are the core authorization server's (oauth.ts).
import type { Clock } from '../../core/clock.js';
import { isoInstant } from '../../core/dates.js';
import { OpaqueTokens, randomToken } from '../../core/tokens/opaque.js';
import type { OwnerRezAccounts } from './accounts.js';
import type { AppScope } from './types.js';

/** provider-facts §1: "Standard" token expiration. */
export const STANDARD_TOKEN_LIFETIME = 30 * 24 * 3600;

/** What an app's access token stands for: the app, the user who authorized it, the app's scope. */
export interface AppGrant {
  clientId: string;
  userId: number;
  scopes: [AppScope];
}

export interface PersonalAccessToken {
  id: number;
  userId: number;
  name: string;
  createdUtc: string;
  token: string;
}

export type PersonalAccessTokenListing = Omit<PersonalAccessToken, 'token' | 'userId'>;

export class OwnerRezCredentials {
  private readonly accessTokens: OpaqueTokens<AppGrant>;
  private personal = new Map<string, PersonalAccessToken>();
  private nextPersonalId = 1;
  /** Set by reset: the seeded tokens are registered, as of that moment, on first need, so start never waits for the seed. */
  private seedPending: { atMs: number } | undefined;

  constructor(private readonly clock: Clock, private readonly accounts: OwnerRezAccounts) {
    this.accessTokens = new OpaqueTokens(clock);
    this.reset();
  }

  get access(): OpaqueTokens<AppGrant> {
    this.registerSeeded();
    return this.accessTokens;
  }

  /** An `at_` token; `lifetimeSeconds` undefined for apps whose tokens do not expire. */
  issueAccessToken(grant: AppGrant, lifetimeSeconds: number | undefined, token = `at_${randomToken(32)}`): string {
    return this.access.register(token, grant, lifetimeSeconds);
  }

  personalAccessToken(token: string): PersonalAccessToken | undefined {
    this.registerSeeded();
    return this.personal.get(token);
  }

  /** Developer/API Settings → new token: the value is in this answer only. */
  createPersonalAccessToken(userId: number, name: string, token = `pt_${randomToken(32)}`): PersonalAccessToken {
    this.registerSeeded();
    return this.addPersonal(userId, name, token, this.clock.nowMs());
  }

  listPersonalAccessTokens(userId: number): PersonalAccessTokenListing[] {
    this.registerSeeded();
    return [...this.personal.values()].filter((t) => t.userId === userId).map(({ token: _secret, userId: _user, ...rest }) => rest);
  }

  /** Revoked tokens are refused at once: they are forgotten, so the next call with one is an unknown pair. */
  revokePersonalAccessToken(userId: number, id: number): boolean {
    this.registerSeeded();
    for (const [token, record] of this.personal) {
      if (record.id === id && record.userId === userId) return this.personal.delete(token);
    }
    return false;
  }

  private addPersonal(userId: number, name: string, token: string, atMs: number): PersonalAccessToken {
    const record: PersonalAccessToken = { id: this.nextPersonalId++, userId, name, createdUtc: isoInstant(atMs), token };
    this.personal.set(token, record);
    return record;
  }

  reset(): void {
    this.accessTokens.reset();
    this.personal.clear();
    this.nextPersonalId = 1;
    this.seedPending = { atMs: this.clock.nowMs() };
  }

  private registerSeeded(): void {
    const pending = this.seedPending;
    if (!pending) return;
    this.seedPending = undefined;
    const { users, apps } = this.accounts.directory;
    for (const user of users) if (user.personalAccessToken) this.addPersonal(user.id, user.tokenName, user.personalAccessToken, pending.atMs);
    for (const app of apps) {
      for (const seeded of app.accessTokens) {
        const user = this.accounts.userByEmail(seeded.user)!;
        const lifetime = app.expiration === 'standard' ? STANDARD_TOKEN_LIFETIME : undefined;
        this.accessTokens.register(seeded.token, { clientId: app.clientId, userId: user.id, scopes: [app.scope] }, lifetime);
      }
    }
  }
}
