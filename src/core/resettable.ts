// One reset for every part a provider declares: the parts that hold state (`{ reset(): void }`) listed once, each reset in the order given.

/** A part of a provider that holds state (accounts, grants, an authorization server) and goes back to its seed on `reset`. */
export interface Resettable {
  reset(): void;
}

/** A provider's `reset`: every part listed, reset in order, so a new part is one more name in the list. */
export function resetAll(...parts: readonly Resettable[]): () => void {
  return () => {
    for (const part of parts) part.reset();
  };
}
