// The providers whose clients can be verified: one line a provider, each naming its contracts/<provider>/rules.ts.
import { ruleSet as entrata } from '../entrata/rules.js';
import { ruleSet as guesty } from '../guesty/rules.js';
import { ruleSet as hospitable } from '../hospitable/rules.js';
import { ruleSet as ownerrez } from '../ownerrez/rules.js';
import { ruleSet as rezstream } from '../rezstream/rules.js';
import type { ProviderRules } from './types.js';

const RULE_SETS: Readonly<Record<string, ProviderRules>> = { guesty, rezstream, entrata, ownerrez, hospitable };

export function ruleProviders(): string[] {
  return Object.keys(RULE_SETS);
}

export function ruleSetOf(provider: string): ProviderRules | undefined {
  return Object.hasOwn(RULE_SETS, provider) ? RULE_SETS[provider] : undefined;
}
