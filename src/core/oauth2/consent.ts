// Consent at an authorization endpoint: the pending sign-in/consent interactions of the HTML pages, and the headless queue a CI test fills over
// the admin API (`POST /__sandbox/<provider>/consent`) so the client's next authorize request is answered at once, as if the user had clicked.
import type { Clock } from '../clock.js';
import { hexHandle, OpaqueTokens } from '../tokens/opaque.js';

/** A validated authorize request; `extra` holds the provider's own parameters (rezStream's `multiTenant` and `tid`). */
export interface AuthorizeRequest<X> {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  extra: X;
}

export interface Interaction<X> {
  request: AuthorizeRequest<X>;
  /** Set once the user has signed in. */
  userId?: string;
}

/** What a user decides on the consent page: approve or deny, and what they picked (rezStream's tenants). */
export interface ConsentDecision {
  clientId: string;
  userId: string;
  chosen: string[];
  approve: boolean;
}

export class ConsentQueue<X> {
  private queue: ConsentDecision[] = [];
  readonly interactions: OpaqueTokens<Interaction<X>>;

  constructor(clock: Clock, private readonly interactionLifetimeSeconds: number) {
    this.interactions = new OpaqueTokens(clock);
  }

  startInteraction(request: AuthorizeRequest<X>): string {
    return this.interactions.register(hexHandle(16), { request }, this.interactionLifetimeSeconds);
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
