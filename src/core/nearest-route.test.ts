import { describe, expect, it } from 'vitest';
import { nearestRoute } from './nearest-route.js';

const routes = [
  { method: 'GET', path: '/v1/listings' },
  { method: 'GET', path: '/v1/listings/:id' },
  { method: 'POST', path: '/v1/reservations' },
];

describe('nearestRoute', () => {
  it('names the route a typo meant', () => {
    expect(nearestRoute('GET', '/v1/listngs', routes)).toEqual({ method: 'GET', path: '/v1/listings' });
  });

  it('matches templated segments with any value', () => {
    expect(nearestRoute('GET', '/v1/listings/abc/extra', routes)).toEqual({ method: 'GET', path: '/v1/listings/:id' });
  });

  it('prefers the same method', () => {
    expect(nearestRoute('POST', '/v1/reservation', routes)).toEqual({ method: 'POST', path: '/v1/reservations' });
  });
});
