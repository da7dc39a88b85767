// The Guesty contract suite: seeds/003 Guesty Authentication and the Guesty section of provider-facts.md, as cases split by subject,
// with the two token endpoints (Open API, Booking Engine) and the environment variables a live run reads.
import { specFile } from '../../core/project-files.js';
import type { ContractSuite } from '../types.js';
import { accessCases } from './access.contract.js';
import { bookingEngineCases } from './booking-engine.contract.js';
import { calendarCases } from './calendar.contract.js';
import { BOOKING_ENGINE, OPEN_API } from './common.js';
import { documentExampleCases } from './document-examples.contract.js';
import { guestCases } from './guests.contract.js';
import { listingCases } from './listings.contract.js';
import { rateLimitCases } from './rate-limits.contract.js';
import { reservationCases } from './reservations.contract.js';
import { tokenErrorCases } from './token-errors.contract.js';
import { tokenCases } from './token.contract.js';

export const suite: ContractSuite = {
  provider: 'guesty',
  title: 'Guesty',
  mainOrigin: OPEN_API,
  envPrefix: 'GUESTY_',
  originEnv: { [BOOKING_ENGINE]: 'BOOKING_BASE_URL' },
  tokens: {
    openApi: { origin: OPEN_API, path: '/oauth2/token', scope: 'open-api', env: { clientId: 'CLIENT_ID', clientSecret: 'CLIENT_SECRET' } },
    bookingEngine: { origin: BOOKING_ENGINE, path: '/oauth2/token', scope: 'booking_engine:api', env: { clientId: 'BOOKING_CLIENT_ID', clientSecret: 'BOOKING_CLIENT_SECRET' } },
  },
  tokenQuota: 'Guesty grants five tokens a day per client id',
  specFile: specFile('guesty'),
  cases: [
    ...documentExampleCases,
    ...tokenCases,
    ...tokenErrorCases,
    ...accessCases,
    ...rateLimitCases,
    ...listingCases,
    ...reservationCases,
    ...guestCases,
    ...calendarCases,
    ...bookingEngineCases,
  ],
};
