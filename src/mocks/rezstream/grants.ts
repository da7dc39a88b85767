// rezStream's access tokens (seeds/001, "Authentication"): reference tokens whose subject is the tenant(s), from the code flow or the long-lived
// manual tenant tokens of "Manage app authorizations", on the virtual clock. Codes and refresh tokens are the authorization server's (oauth.ts).
import type { Clock } from '../../core/clock.js';
import { isoInstant } from '../../core/dates.js';
import { hexHandle, OpaqueTokens } from '../../core/tokens/opaque.js';
import type { ManualTokenSeed } from './types.js';

/** IdentityServer's defaults, which rezStream's account site (`/connect/authorize`, `/connect/token`) runs on; rezStream publishes none. */
export const ACCESS_TOKEN_LIFETIME = 3600;
export const AUTHORIZATION_CODE_LIFETIME = 300;
export const REFRESH_TOKEN_LIFETIME = 2_592_000;
export const ID_TOKEN_LIFETIME = 300;
/** How long a sign-in and consent may take before the user has to start again. */
export const INTERACTION_LIFETIME = 900;

/** The API scopes: seeds/001 names revenue_management and guest_communication; the finer ones are the sandbox's. */
export const API_SCOPES: Readonly<Record<string, string>> = {
  reservations: 'Read reservations',
  invoices: 'Read invoices',
  inventory: 'Read properties, units and unit types',
  rates: 'Read rates and availability',
  revenue_management: 'Revenue management integrations: reservations, rates and availability',
  guest_communication: 'Guest communication integrations: reservations and their guests',
};
export const IDENTITY_SCOPES: Readonly<Record<string, string>> = {
  openid: 'Sign you in with your rezStream account',
  profile: 'Your name',
  email: 'Your email address',
  offline_access: 'Stay connected when you are away (a refresh token)',
};

export const isApiScope = (scope: string): boolean => Object.hasOwn(API_SCOPES, scope);

/** What a token stands for: the tenants it reaches (its subject), the user who approved it, the client, the scopes. */
export interface Grant {
  clientId: string | null;
  userId: string | null;
  tenantIds: string[];
  scopes: string[];
  /** Seconds; when the user signed in. */
  authTime: number;
  /** The manual token's id in the portal, for manual tokens. */
  manualTokenId?: string;
}

export interface ManualToken {
  id: string;
  tenantId: string;
  scopes: string[];
  createdAt: string;
  token: string;
}

export class RezStreamGrants {
  private readonly accessTokens: OpaqueTokens<Grant>;
  private manual = new Map<string, ManualToken>();
  /** Set by reset: the seeded manual tokens are registered, as of that moment, on first need, so start never waits for the seed. */
  private seedPending: { atMs: number } | undefined;

  constructor(private readonly clock: Clock, private readonly seededManualTokens: () => readonly ManualTokenSeed[]) {
    this.accessTokens = new OpaqueTokens(clock);
    this.reset();
  }

  /** Access tokens: the flows' and the manual ones. */
  get access(): OpaqueTokens<Grant> {
    this.registerSeeded();
    return this.accessTokens;
  }

  issueAccessToken(grant: Grant): string {
    return this.access.register(hexHandle(), grant, ACCESS_TOKEN_LIFETIME);
  }

  /** "Generate Token": a long-lived reference token for one tenant, its value shown only in this answer. */
  createManualToken(tenantId: string, scopes: string[], token = hexHandle()): ManualToken {
    return this.addManualToken(tenantId, scopes, token, this.clock.nowMs());
  }

  private addManualToken(tenantId: string, scopes: string[], token: string, atMs: number): ManualToken {
    const id = `mt_${hexHandle(8).toLowerCase()}`;
    const record: ManualToken = { id, tenantId, scopes: [...scopes], createdAt: isoInstant(atMs), token };
    this.access.register(token, { clientId: null, userId: null, tenantIds: [tenantId], scopes: [...scopes], authTime: Math.floor(atMs / 1000), manualTokenId: id });
    this.manual.set(id, record);
    return record;
  }

  listManualTokens(tenantId: string): Array<Omit<ManualToken, 'token'>> {
    this.registerSeeded();
    return [...this.manual.values()].filter((t) => t.tenantId === tenantId).map(({ token: _secret, ...rest }) => rest);
  }

  /** Revoked tokens are refused at once. */
  revokeManualToken(tenantId: string, id: string): boolean {
    this.registerSeeded();
    const record = this.manual.get(id);
    if (!record || record.tenantId !== tenantId) return false;
    this.access.revoke(record.token);
    this.manual.delete(id);
    return true;
  }

  reset(): void {
    this.accessTokens.reset();
    this.manual.clear();
    this.seedPending = { atMs: this.clock.nowMs() };
  }

  private registerSeeded(): void {
    const pending = this.seedPending;
    if (!pending) return;
    this.seedPending = undefined;
    for (const seed of this.seededManualTokens()) this.addManualToken(seed.tenantId, seed.scopes, seed.token, pending.atMs);
  }
}
