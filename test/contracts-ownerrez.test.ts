// Every OwnerRez contract case (src/contracts/ownerrez, after seeds/000 and provider-facts §1) against the sandbox in process: each one passes,
// none skipped, since a sandbox target runs cases of every requirement.
import { contractSuite } from '../src/contracts/registry.js';
import { describeContractSuite, describeWholeSuiteRun } from './support/contract-cases.js';

const suite = (await contractSuite('ownerrez'))!;

describeContractSuite(suite);

describeWholeSuiteRun(suite);
