// Calendar changes and their permission (seeds/002: "Write: write access allows you to modify your property calendar's pricing and
// availability"; provider-facts.md §2 "Calendar": 202 {"status":"accepted"}, the calendar-restricted 422).
import type { ContractCase } from '../types.js';
import { assumption, doc, errorBody, facts, FAR_DATE, rememberProperty, v2 } from './common.js';

const change = () => ({ dates: [{ date: FAR_DATE(), price: { amount: 15000 }, available: true }] });

export const writeCases: ContractCase[] = [
  {
    id: 'calendar.read-only-refused',
    sentence: 'refuses a calendar change made with a read-only token with 403',
    source: doc('Read: read access allows you to view, but not modify, information about your properties, reservations and calendar'),
    requires: ['writes'],
    before: (ctx) => rememberProperty(ctx, false),
    request: (ctx) => v2(`/v2/properties/${ctx.state.recall('property')}/calendar`, { method: 'PUT', json: change() }),
    expect: { status: 403, body: errorBody(403, 'This action is unauthorized.') },
  },
  {
    id: 'calendar.write-accepted',
    sentence: 'accepts a calendar change made with a write token with 202',
    source: facts('PUT /properties/{uuid}/calendar ... Returns 202 {"status":"accepted"}'),
    requires: ['writes'],
    before: (ctx) => rememberProperty(ctx, false),
    request: (ctx) => v2(`/v2/properties/${ctx.state.recall('property')}/calendar`, { method: 'PUT', json: change(), auth: { token: 'write' } }),
    expect: { status: 202, body: { status: 'accepted' } },
  },
  {
    id: 'calendar.restricted',
    sentence: 'answers a change to a calendar-restricted property with the spec’s 422 word for word',
    source: facts('Calendar-restricted properties get 422 {"status_code":"422","reason_phrase":"This property has a channel that is calendar restricted, ..."}'),
    requires: ['writes', 'sandbox'],
    before: (ctx) => rememberProperty(ctx, true),
    request: (ctx) => v2(`/v2/properties/${ctx.state.recall('property')}/calendar`, { method: 'PUT', json: change(), auth: { token: 'write' } }),
    expect: { status: 422, body: errorBody('422', 'This property has a channel that is calendar restricted, and updates can not be made to the calendar') },
  },
  {
    id: 'calendar.missing-dates',
    sentence: 'refuses a calendar change without dates in Laravel’s validation words',
    source: assumption('validation errors are 400 {"status_code":400,"reason_phrase":<Laravel message>,"message":<the same>}, as the spec\'s "The body field is required." example'),
    requires: ['writes'],
    before: (ctx) => rememberProperty(ctx, false),
    request: (ctx) => v2(`/v2/properties/${ctx.state.recall('property')}/calendar`, { method: 'PUT', json: {}, auth: { token: 'write' } }),
    expect: { status: 400, body: { status_code: 400, reason_phrase: 'The dates field is required.', message: 'The dates field is required.' } },
  },
];
