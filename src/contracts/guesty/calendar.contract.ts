// Open API listing calendar (availability-pricing API, as the OpenAPI document describes it): days from startDate to endDate inclusive,
// in {status: 200, data: {days}}, and setting a price on a range.
import type { ContractCase, RequestSpec } from '../types.js';
import { asObject, assumption, expectApiError, NO_SUCH_ID, OPEN_API, openApiGet, rememberFirstId } from './common.js';

const CALENDAR = assumption('GET/PUT /v1/availability-pricing/api/calendar/listings/{listingId} answer {status: 200, data: {days: [...]}}, a day a date, as the OpenAPI document gives them');
const path = (listingId: string): string => `/v1/availability-pricing/api/calendar/listings/${listingId}`;
const WEEK = { startDate: '2031-01-05', endDate: '2031-01-11' };

function daysOf(body: unknown): Array<Record<string, unknown>> {
  const days = asObject(asObject(body).data).days;
  return Array.isArray(days) ? days.map(asObject) : [];
}

export const calendarCases: ContractCase[] = [
  {
    id: 'calendar.week',
    sentence: "returns a listing's calendar a day a date from startDate to endDate inclusive",
    source: CALENDAR,
    before: (ctx) => rememberFirstId(ctx, '/v1/listings', 'listingId'),
    request: (ctx) => openApiGet(path(ctx.state.recall('listingId')), WEEK),
    expect: {
      status: 200,
      bodySchema: 'getListingCalendar',
      check: (body, _res, ctx) => {
        if (asObject(body).status !== 200) return `status field is ${JSON.stringify(asObject(body).status)}, not 200`;
        const dates = daysOf(body).map((d) => d.date);
        const want = ['2031-01-05', '2031-01-06', '2031-01-07', '2031-01-08', '2031-01-09', '2031-01-10', '2031-01-11'];
        if (JSON.stringify(dates) !== JSON.stringify(want)) return `dates are ${JSON.stringify(dates)}`;
        return daysOf(body).every((d) => d.listingId === ctx.state.recall('listingId')) ? undefined : 'a day names another listing';
      },
    },
  },
  {
    id: 'calendar.reversed-range',
    sentence: 'refuses an endDate before the startDate with a validation error',
    source: CALENDAR,
    before: (ctx) => rememberFirstId(ctx, '/v1/listings', 'listingId'),
    request: (ctx) => openApiGet(path(ctx.state.recall('listingId')), { startDate: '2031-01-11', endDate: '2031-01-05' }),
    expect: expectApiError(400, 'getListingCalendar', 'VALIDATION_ERROR'),
  },
  {
    id: 'calendar.unknown-listing',
    sentence: "answers the calendar of an unknown listing with 404 NOT_FOUND",
    source: CALENDAR,
    request: openApiGet(path(NO_SUCH_ID), WEEK),
    expect: expectApiError(404, 'getListingCalendar', 'NOT_FOUND'),
  },
  {
    id: 'calendar.set-price',
    sentence: 'sets a price on a range of days and answers the days as updated',
    source: CALENDAR,
    requires: ['writes'],
    before: (ctx) => rememberFirstId(ctx, '/v1/listings', 'listingId'),
    request: (ctx): RequestSpec => ({
      origin: OPEN_API,
      method: 'PUT',
      path: path(ctx.state.recall('listingId')),
      headers: { Accept: 'application/json' },
      json: { startDate: '2031-01-05', endDate: '2031-01-06', price: 321 },
      auth: { token: 'openApi' },
    }),
    expect: {
      status: 200,
      bodySchema: 'updateListingCalendar',
      check: (body) => {
        const days = daysOf(body);
        return days.length === 2 && days.every((d) => d.price === 321) ? undefined : `days are ${JSON.stringify(days.map((d) => [d.date, d.price]))}, not two at 321`;
      },
    },
  },
];
