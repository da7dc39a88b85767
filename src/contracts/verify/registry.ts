// The providers whose clients can be verified: one line a provider, each loading its contracts/<provider>/rules.ts when first asked for.
import type { ProviderRules } from './types.js';

const RULE_SETS: Readonly<Record<string, () => Promise<{ ruleSet: ProviderRules }>>> = {
  guesty: () => import('../guesty/rules.js'),
  rezstream: () => import('../rezstream/rules.js'),
  entrata: () => import('../entrata/rules.js'),
  ownerrez: () => import('../ownerrez/rules.js'),
  hospitable: () => import('../hospitable/rules.js'),
};

export function ruleProviders(): string[] {
  return Object.keys(RULE_SETS);
}

export async function ruleSetOf(provider: string): Promise<ProviderRules | undefined> {
  const load = Object.hasOwn(RULE_SETS, provider) ? RULE_SETS[provider] : undefined;
  return load ? (await load()).ruleSet : undefined;
}
