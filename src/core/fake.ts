// Deterministic fake data: one faker a provider, seeded from the sandbox seed and the provider id, so the same seed gives the same data and ids.
// Loaded only where seed data is made: the seed worker (core/seed-worker.ts), or in process when running from the TypeScript sources.
import type { Faker } from '@faker-js/faker';
// The English entry point, not the package index: the index loads every locale (~160 ms against ~30 ms).
import { faker as english } from '@faker-js/faker/locale/en';
import { seedHash } from './seeded-random.js';

const FakerClass = english.constructor as new (options: { locale: Faker['rawDefinitions'] }) => Faker;

export function seededFaker(seed: number, namespace: string): Faker {
  const faker = new FakerClass({ locale: english.rawDefinitions });
  faker.seed(seedHash(`${seed}:${namespace}`));
  return faker;
}
