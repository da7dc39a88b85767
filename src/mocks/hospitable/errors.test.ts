// Hospitable's error catalogue: Laravel's validation words, the spec's pagination 400 and 422 word for word, a trace id on every error.
import { describe, expect, it } from 'vitest';
import { hospitableCatalogue, hospitableErrors, laravelMessage } from './errors.js';

describe('the Hospitable error catalogue', () => {
  it('answers a bad page or per_page with the spec’s pagination 400', () => {
    const error = hospitableCatalogue.invalidRequest([{ in: 'query', name: 'per_page', message: 'must be <= 100' }]);
    expect(error.wire.status).toBe(400);
    expect(error.wire.body).toEqual({ status_code: 400, reason_phrase: 'Invalid pagination parameter supplied.' });
  });

  it('puts other validation failures in Laravel’s words, in reason_phrase and message', () => {
    const error = hospitableCatalogue.invalidRequest([{ in: 'query', name: 'start_date', message: 'must match format "date"' }]);
    expect(error.wire.body).toEqual({ status_code: 400, reason_phrase: 'The start date field must be a valid date.', message: 'The start date field must be a valid date.' });
    expect(laravelMessage({ in: 'query', name: 'properties[]', message: 'is required' })).toBe('The properties field is required.');
    expect(laravelMessage({ in: 'body', name: '/dates/0/date', message: 'is required' })).toBe('The dates.0.date field is required.');
  });

  it('writes the calendar-restricted 422 with a string status_code, as the spec prints it', () => {
    expect(JSON.stringify(hospitableErrors.calendarRestricted().wire.body)).toBe(
      '{"status_code":"422","reason_phrase":"This property has a channel that is calendar restricted, and updates can not be made to the calendar"}',
    );
  });

  it('gives every error its own X-hospitable-trace', () => {
    const a = hospitableErrors.unauthenticated().wire.headers!['X-hospitable-trace'];
    const b = hospitableErrors.unauthenticated().wire.headers!['X-hospitable-trace'];
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});
