// Deterministic fake data: one faker a provider, seeded from the sandbox seed and the provider id, so the same seed gives the same data and ids.
import type { Faker } from '@faker-js/faker';
// The English entry point, not the package index: the index loads every locale (~160 ms against ~30 ms).
import { faker as english } from '@faker-js/faker/locale/en';

const FakerClass = english.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;

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
  const faker = new FakerClass({ locale: english.rawDefinitions });
  faker.seed(hash(`${seed}:${namespace}`));
  return faker;
}
