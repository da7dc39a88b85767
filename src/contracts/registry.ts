// The contract suites, found through the provider registry: provider `<id>` has its suite in contracts/<id>/index.ts, exported as `suite`.
// Only the suite asked for is imported, so `pms-sandbox contract <id>` loads one provider's cases.
import { registry } from '../mocks/registry.js';
import type { ContractSuite } from './types.js';

/** What every contracts/<id>/index.ts exports. */
export interface ContractModule {
  suite: ContractSuite;
}

/** The ids of the registered providers, each of which has a contract suite (test/registry.test.ts keeps it so). */
export function contractSuiteIds(): string[] {
  return registry.map((d) => d.id);
}

/** The suite of a registered provider; `undefined` for an id the registry does not list. */
export async function contractSuite(provider: string): Promise<ContractSuite | undefined> {
  if (!contractSuiteIds().includes(provider)) return undefined;
  // A specifier built at run time, left to the runtime (Node, or vitest resolving index.js to the index.ts beside it) to resolve.
  const module = (await import(/* @vite-ignore */ `./${provider}/index.js`)) as ContractModule;
  return module.suite;
}
