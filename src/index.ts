// The library's public surface: start the sandbox in process, build it without listening, run contract suites. Every export named.
export { startSandbox, type RunningSandbox, type StartSandboxOptions } from './sandbox.js';
export { createSandbox, type Sandbox } from './server.js';
export { loadConfig, type SandboxConfig } from './config.js';
export { Clock, type ClockState } from './core/clock.js';
export type { JournalEntry, JournalQuery } from './core/journal.js';
export { VerifyInputError } from './contracts/verify/engine.js';
export type { RuleStatus, RuleVerdict, VerifyOptions, VerifyReport } from './contracts/verify/types.js';
export type { Fault, Faults } from './core/faults/faults.js';
export { FaultDefinitionError, type FaultSpec } from './core/faults/fault-spec.js';
export type { ProviderDefinition, Provider } from './core/provider.js';
export { registry } from './mocks/registry.js';
