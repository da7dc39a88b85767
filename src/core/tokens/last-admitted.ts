// The last call a gate admitted, remembered by the header values that decided it. A client sends the same headers call after call: while
// they are the same and the token still stands for the same active record, the gate's parse, lookup and checks are not done again and the
// same caller is handed on (so the gate must make the caller from the token and those headers alone, and freeze it).
import type { OpaqueTokenRecord, OpaqueTokens } from './opaque.js';

interface Admitted<T, C> {
  /** The Authorization header as sent. */
  authorization: string;
  /** Another header the gate judged (OwnerRez's User-Agent), or undefined. */
  other: string | undefined;
  token: string;
  record: OpaqueTokenRecord<T>;
  version: number;
  caller: C;
}

export class LastAdmitted<T, C> {
  private last: Admitted<T, C> | undefined;

  constructor(private readonly tokens: () => OpaqueTokens<T>) {}

  /** The caller admitted last, when these are its headers and its token still holds; else undefined (the gate then judges in full). */
  recall(authorization: string | undefined, other?: string): C | undefined {
    const last = this.last;
    if (last === undefined || authorization !== last.authorization || other !== last.other) return undefined;
    return this.tokens().holds(last.token, last.record, last.version) ? last.caller : undefined;
  }

  /** Right after the lookup that found `record` active for `token`, with nothing registered in between. */
  remember(authorization: string, other: string | undefined, token: string, record: OpaqueTokenRecord<T>, caller: C): void {
    this.last = { authorization, other, token, record, version: this.tokens().version, caller };
  }

  forget(): void {
    this.last = undefined;
  }
}
