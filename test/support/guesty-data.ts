// Test support for Guesty's stateful data over HTTP: one sandbox a file, a fresh seed and frozen clock a test, and typed calls.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox.js';
import { openApiBase, openApiToken } from './guesty.js';

export interface Listing {
  _id: string;
  title?: string;
  active?: boolean;
  listed?: boolean;
  accountId?: string;
  address?: { city?: string };
  prices?: { basePrice?: number; currency?: string };
  [key: string]: unknown;
}
export interface Reservation {
  _id: string;
  listingId: string;
  status: string;
  checkInDateLocalized: string;
  checkOutDateLocalized: string;
  nightsCount: number;
  guestId: string;
  guest: { _id: string; fullName: string };
  money: { fareAccommodation: number; currency: string };
  [key: string]: unknown;
}
export interface Guest {
  _id: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  emails: string[];
  phone: string;
  [key: string]: unknown;
}
export interface CalendarDay {
  date: string;
  price: number;
  isBasePrice: boolean;
  status: string;
  reservationId?: string;
}
export interface Page<T> {
  results: T[];
  count: number;
  limit: number;
  skip: number;
}
export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Far past the seeded stays (around 2026-11-01), so these nights are free. */
export const FREE_FROM = '2028-03-10';
export const FREE_TO = '2028-03-14';

/** Registers the hooks of a test file and returns the helpers its tests call. */
export function guestyDataSuite() {
  let sandbox: RunningSandbox;
  let base: string;
  let token: string;

  /** One request a virtual second keeps these tests clear of the 15-a-second and 120-a-minute limits they are not about. */
  async function call<T = unknown>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Answer<T>> {
    sandbox.clock.advance(1);
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }
  const get = <T>(path: string): Promise<Answer<T>> => call<T>('GET', path);
  const q = (params: Record<string, string | number | boolean>): string => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

  const listings = async (params: Record<string, string | number | boolean> = {}): Promise<Page<Listing>> => {
    const res = await get<Page<Listing>>(`/v1/listings?${q({ limit: 100, ...params })}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const someListing = async (): Promise<Listing> => (await listings({ active: true })).results[0]!;
  const createReservation = (body: Record<string, unknown>): Promise<Answer<Reservation>> => call<Reservation>('POST', '/v1/reservations', body);
  const calendar = async (listingId: string, startDate: string, endDate: string): Promise<CalendarDay[]> => {
    const res = await get<{ status: number; data: { days: CalendarDay[] } }>(`/v1/availability-pricing/api/calendar/listings/${listingId}?${q({ startDate, endDate })}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(200);
    return res.body.data.days;
  };
  const validationError = (res: Answer<unknown>, ...words: string[]): void => {
    expect(res.status).toBe(400);
    const body = res.body as { error: { code: string; message: string } };
    expect(body).toEqual({ error: { code: 'VALIDATION_ERROR', message: expect.any(String) } });
    for (const word of words) expect(body.error.message).toContain(word);
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ validateResponses: true });
    base = openApiBase(sandbox);
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    sandbox.clock.freeze();
    sandbox.clock.set('2026-11-01T09:00:00.000Z');
    token = await openApiToken(sandbox);
  });

  return { call, get, q, listings, someListing, createReservation, calendar, validationError, sandbox: () => sandbox };
}
