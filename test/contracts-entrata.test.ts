// Every Entrata contract case (src/contracts/entrata, after seeds/004 and provider-facts §4) against the sandbox in process: each one passes,
// none skipped, since a sandbox target runs cases of every requirement.
import { contractSuite } from '../src/contracts/registry.js';
import { describeContractSuite, describeWholeSuiteRun } from './support/contract-cases.js';

const suite = (await contractSuite('entrata'))!;

describeContractSuite(suite);

describeWholeSuiteRun(suite);
