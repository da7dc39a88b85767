// Deterministic fake data: one faker a provider, seeded from the sandbox seed and the provider id, so the same seed gives the same data and ids.
import { Faker, en } from '@faker-js/faker';

/** FNV-1a, so a (seed, namespace) pair always maps to the same faker seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function seededFaker(seed: number, namespace: string): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(hash(`${seed}:${namespace}`));
  return faker;
}
