// Deferred, memoised work: what a provider needs only once it is asked (its spec, its seeded data) is built then, not at start.

export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
