// Every Guesty contract case (src/contracts/guesty, after seeds/003 Guesty Authentication and provider-facts) against the sandbox in process.
import { contractSuite } from '../src/contracts/registry.js';
import { describeContractSuite } from './support/contract-cases.js';

describeContractSuite((await contractSuite('guesty'))!);
