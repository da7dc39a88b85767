// Consent at the authorization endpoint: the pending sign-in/consent interactions of the HTML pages, and the headless queue a CI test fills over
// the admin API so the client's next authorize request is answered at once, as if the user had clicked.
import type { Clock } from '../../core/clock.js';
import { hexHandle, OpaqueTokens } from '../../core/tokens/opaque.js';
import { INTERACTION_LIFETIME } from './grants.js';

/** A validated authorize request (seeds/001: `multiTenant=true` and `tid` are rezStream's own parameters). */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  multiTenant: boolean;
  /** A tenant to preselect. */
  tid: string | undefined;
}

export interface Interaction {
  request: AuthorizeRequest;
  /** Set once the user has signed in. */
  userId?: string;
}

export interface ConsentDecision {
  clientId: string;
  userId: string;
  tenants: string[];
  approve: boolean;
}

export class Consent {
  private queue: ConsentDecision[] = [];
  readonly interactions: OpaqueTokens<Interaction>;

  constructor(clock: Clock) {
    this.interactions = new OpaqueTokens(clock);
  }

  startInteraction(request: AuthorizeRequest): string {
    return this.interactions.register(hexHandle(16), { request }, INTERACTION_LIFETIME);
  }

  enqueue(decision: ConsentDecision): number {
    this.queue.push(decision);
    return this.queue.filter((d) => d.clientId === decision.clientId).length;
  }

  /** The oldest queued decision for the client, removed. */
  take(clientId: string): ConsentDecision | undefined {
    const index = this.queue.findIndex((d) => d.clientId === clientId);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  pending(): readonly ConsentDecision[] {
    return this.queue;
  }

  reset(): void {
    this.queue = [];
    this.interactions.reset();
  }
}
