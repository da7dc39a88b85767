// Guesty, assembled: follows seed document 003 ("Authentication", Open API and Booking Engine) and the Guesty part of provider-facts.md
// (rate limits, listings/reservations envelope and fields). Assumptions where both are silent are listed in the README's Guesty section.
import { once } from '../../core/once.js';
import { OpenApiDocument } from '../../core/openapi.js';
import { specFile } from '../../core/project-files.js';
import type { ProviderDefinition } from '../../core/provider.js';
import { resetAll } from '../../core/resettable.js';
import { GuestyAccounts } from './accounts.js';
import { guestyAdmin } from './admin.js';
import { guestyCatalogue } from './errors.js';
import { guestyOrigins } from './routes.js';

export const guesty: ProviderDefinition = {
  id: 'guesty',
  create(ctx) {
    const accounts = new GuestyAccounts(ctx.config.seed, ctx.seeds);
    const file = specFile('guesty');
    return {
      id: 'guesty',
      title: 'Guesty',
      origins: guestyOrigins(accounts, ctx),
      spec: { file, document: once(() => OpenApiDocument.load(file)) },
      errors: guestyCatalogue,
      credentials: () => {
        const { openApi, bookingEngine } = accounts.seed.primary;
        return {
          openApi: { clientId: openApi.clientId, clientSecret: openApi.clientSecret },
          bookingEngine: { clientId: bookingEngine.clientId, clientSecret: bookingEngine.clientSecret },
        };
      },
      admin: guestyAdmin(accounts),
      reset: resetAll(accounts),
    };
  },
};
