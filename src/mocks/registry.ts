// The one list of providers the sandbox serves: adding a provider is one folder and one line here.
import type { ProviderDefinition } from '../core/provider.js';
import { entrata } from './entrata/index.js';
import { guesty } from './guesty/index.js';
import { hospitable } from './hospitable/index.js';
import { ownerrez } from './ownerrez/index.js';
import { rezstream } from './rezstream/index.js';

export const registry: readonly ProviderDefinition[] = [guesty, rezstream, entrata, ownerrez, hospitable];
