// The contract suites: provider id → its suite (ARCHITECTURE.md, contracts/<provider>/*.contract.ts). Guesty and rezStream.
import { guestySuite } from './guesty/index.js';
import { rezstreamSuite } from './rezstream/index.js';
import type { ContractSuite } from './types.js';

const suites: Readonly<Record<string, ContractSuite>> = Object.freeze({ guesty: guestySuite, rezstream: rezstreamSuite });

export function contractSuite(provider: string): ContractSuite | undefined {
  return Object.hasOwn(suites, provider) ? suites[provider] : undefined;
}

export function contractSuiteIds(): string[] {
  return Object.keys(suites);
}
