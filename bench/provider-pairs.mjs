// The provider requests the bench loads beside a bare Express baseline of the same bytes: how each gets its credential from a fresh sandbox
// (`--no-rate-limits`), and the request itself. Each is one authenticated read a client repeats; see bench/README.md.

/** POST a JSON body with the bench's loopback `request(port, path, options)`. */
const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, body });

const credentialsOf = async (request, port) => JSON.parse((await request(port, '/__sandbox/credentials')).body);

const ENTRATA_CUSTOMERS = JSON.stringify({ auth: { type: 'oauth' }, requestId: 15, method: { name: 'getCustomers', version: 'r1', params: { propertyId: 100001 } } });

/** Entrata's getCustomers with an App Store token: the headless launch, then getAccessToken with the seeded app's credentials. */
export const entrataCustomers = {
  name: 'entrata',
  title: 'Entrata getCustomers (POST https://sunrise.entrata.com/api/customers) with an App Store token',
  ratioTarget: 0.8,
  async prepare(request, port) {
    const app = (await credentialsOf(request, port)).entrata.apps[0];
    const launched = await request(port, '/__sandbox/entrata/launch', json(JSON.stringify({ clientId: app.clientId, subdomain: 'sunrise' })));
    const code = new URL(JSON.parse(launched.body).url).searchParams.get('auth_code');
    const exchange = JSON.stringify({ auth: { type: 'oauth', code, grant_type: 'authorization_code', client_id: app.clientId, client_secret: app.clientSecret }, method: { name: 'getAccessToken', params: {} } });
    const answer = JSON.parse((await request(port, '/sync.entrata.com/api/oauth', json(exchange))).body);
    if (!answer.response?.result?.access_token) throw new Error(`getAccessToken answered ${JSON.stringify(answer)}`);
    return {
      path: '/sunrise.entrata.com/api/customers',
      method: 'POST',
      headers: { authorization: `Bearer ${answer.response.result.access_token}`, 'content-type': 'application/json' },
      body: ENTRATA_CUSTOMERS,
      answered: (status, body) => status === 200 && JSON.parse(body).response?.code === 200,
    };
  },
};

/** OwnerRez's v2 bookings list, as the official Zapier app polls it, with the seed document's at_ token and User-Agent. */
export const ownerrezBookings = {
  name: 'ownerrez',
  title: 'OwnerRez GET https://api.ownerrez.com/v2/bookings?since_utc=… (20 a page) with the document\'s at_ token and User-Agent',
  ratioTarget: 0.8,
  async prepare(request, port) {
    const app = (await credentialsOf(request, port)).ownerrez.apps[0];
    return {
      path: '/api.ownerrez.com/v2/bookings?since_utc=2026-01-01T00:00:00Z',
      headers: { authorization: `bearer ${app.accessToken}`, 'user-agent': `${app.name}/1.0 (${app.clientId})` },
      answered: (status, body) => status === 200 && Array.isArray(JSON.parse(body).items),
    };
  },
};

/** Hospitable's v2 reservations list (default window: check-ins of the next two weeks) of every property on the first page, with a seeded PAT. */
export const hospitableReservations = {
  name: 'hospitable',
  title: 'Hospitable GET https://public.api.hospitable.com/v2/reservations?properties[]=…&include=guest with a read-only personal access token',
  ratioTarget: 0.8,
  async prepare(request, port) {
    const pat = (await credentialsOf(request, port)).hospitable.personalAccessTokens.find((t) => t.permissions.join(',') === 'read');
    const headers = { authorization: `Bearer ${pat.token}`, accept: 'application/json' };
    const properties = JSON.parse((await request(port, '/public.api.hospitable.com/v2/properties', { headers })).body).data;
    if (!Array.isArray(properties) || properties.length === 0) throw new Error('GET /v2/properties answered no properties');
    const query = properties.map((p) => `properties[]=${p.id}`).join('&');
    return {
      path: `/public.api.hospitable.com/v2/reservations?${query}&include=guest&per_page=25`,
      headers,
      answered: (status, body) => status === 200 && Array.isArray(JSON.parse(body).data),
    };
  },
};

export const PROVIDER_PAIRS = [entrataCustomers, ownerrezBookings, hospitableReservations];
