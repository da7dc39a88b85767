// Entrata's admin routes under /__sandbox/entrata: what Entrata's own staff and users do outside the API. Management companies set up, apps
// submitted to the App Store (client id, secret shown once, app URL, data scopes), installs, and the headless launch for CI: the URL the App
// Store's iframe would load, `referrer` and `auth_code` appended (seeds/004).
import { adminInput } from '../../core/admin-input.js';
import { SandboxProblem } from '../../core/errors.js';
import type { RouteSpec } from '../../core/provider.js';
import { SUBDOMAIN, type EntrataAccounts } from './accounts.js';
import type { EntrataOAuth, LaunchFailure } from './oauth.js';

const PROBLEM = { description: 'a problem of the request (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const text = { type: 'string', minLength: 1, maxLength: 200 } as const;

const launchInput = adminInput<{ clientId: string; subdomain: string; userId?: number }>(
  { type: 'object', required: ['clientId', 'subdomain'], additionalProperties: false, properties: { clientId: text, subdomain: text, userId: { type: 'integer' } } },
  '{"clientId", "subdomain", "userId"?}',
);

const companyInput = adminInput<{
  name: string;
  subdomain: string;
  properties: Array<{ name: string; address: string; city: string; state: string; postalCode: string; lookupCode?: string }>;
  users: Array<{ username: string; password?: string; firstName: string; lastName: string; email?: string }>;
}>(
  {
    type: 'object',
    required: ['name', 'subdomain', 'users'],
    additionalProperties: false,
    properties: {
      name: text,
      subdomain: { type: 'string', pattern: SUBDOMAIN.source },
      properties: {
        type: 'array',
        maxItems: 50,
        default: [],
        items: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: text, address: { ...text, default: '1 Main Street' }, city: { ...text, default: 'Lehi' }, state: { type: 'string', pattern: '^[A-Z]{2}$', default: 'UT' }, postalCode: { type: 'string', pattern: '^[0-9]{5}$', default: '84043' }, lookupCode: text },
        },
      },
      users: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: {
          type: 'object',
          required: ['username'],
          additionalProperties: false,
          properties: { username: text, password: text, firstName: { ...text, default: 'Sandbox' }, lastName: { ...text, default: 'User' }, email: { type: 'string', format: 'email' } },
        },
      },
    },
  },
  '{"name", "subdomain", "properties": [{"name", ...}], "users": [{"username", "password"?, ...}]}',
);

const installInput = adminInput<{ clientId: string; subdomain: string }>(
  { type: 'object', required: ['clientId', 'subdomain'], additionalProperties: false, properties: { clientId: text, subdomain: text } },
  '{"clientId", "subdomain"}',
);

const LAUNCH_PROBLEMS: Record<LaunchFailure['kind'], [number, string]> = {
  unknown_app: [404, 'No App Store app has this clientId; GET /__sandbox/credentials lists the apps.'],
  unknown_company: [404, 'No management company uses this subdomain; GET /__sandbox/credentials lists the companies.'],
  not_installed: [409, 'This company has not installed the app: POST /__sandbox/entrata/installs {"clientId", "subdomain"} first.'],
  unknown_user: [404, 'No user of this company has this userId.'],
};

export function entrataAdmin(accounts: EntrataAccounts, oauth: EntrataOAuth, methods: readonly string[]): RouteSpec[] {
  const appInput = adminInput<{ name: string; appUrl: string; scopes: string[] }>(
    {
      type: 'object',
      required: ['name', 'appUrl', 'scopes'],
      additionalProperties: false,
      properties: { name: text, appUrl: { type: 'string', format: 'uri', pattern: '^https?://' }, scopes: { type: 'array', uniqueItems: true, items: { enum: [...methods] } } },
    },
    '{"name", "appUrl", "scopes": [<web-service methods>]}',
  );
  const requireCompany = (subdomain: string) => {
    const company = accounts.company(subdomain);
    if (!company) throw new SandboxProblem(404, 'Not found', `No management company uses the subdomain ${subdomain}.`);
    return company;
  };
  return [
    {
      method: 'post',
      path: '/launch',
      doc: {
        operationId: 'launchEntrataApp',
        description: 'A user clicks into an installed app: answers the URL the App Store iframe loads, the app URL with referrer=propertysolutions and a one-time auth_code (30 s).',
        requestBody: { content: { 'application/json': { schema: launchInput.schema } } },
        responses: { '200': { description: '{"url"}' }, '400': PROBLEM, '404': PROBLEM, '409': PROBLEM },
      },
      handle: (req, res) => {
        const input = launchInput.parse(req.body);
        const launched = oauth.launch(input.clientId, input.subdomain, input.userId);
        if ('kind' in launched) {
          const [status, detail] = LAUNCH_PROBLEMS[launched.kind];
          throw new SandboxProblem(status, status === 409 ? 'Not installed' : 'Not found', detail);
        }
        res.json({ url: launched.url });
      },
    },
    {
      method: 'post',
      path: '/companies',
      doc: {
        operationId: 'createEntrataCompany',
        description: 'Sets up a management company: its unique subdomain (its web services at https://<subdomain>.entrata.com), properties and users. Each user reaches every property; passwords not given are made and shown here once.',
        requestBody: { content: { 'application/json': { schema: companyInput.schema } } },
        responses: { '201': { description: '{"subdomain", "name", "properties", "users"}' }, '400': PROBLEM, '409': PROBLEM },
      },
      handle: (req, res) => {
        const input = companyInput.parse(req.body);
        if (accounts.company(input.subdomain)) throw new SandboxProblem(409, 'Conflict', `The subdomain ${input.subdomain} is taken.`);
        const company = accounts.createCompany({ ...input, properties: input.properties.map((p) => ({ ...p, lookupCode: p.lookupCode ?? p.name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12) })) });
        res.status(201).json({ subdomain: company.subdomain, name: company.name, properties: company.properties.map((p) => ({ id: p.id, name: p.name })), users: company.users.map((u) => ({ id: u.id, username: u.username, password: u.password, propertyIds: u.propertyIds })) });
      },
    },
    {
      method: 'post',
      path: '/apps',
      doc: {
        operationId: 'createEntrataApp',
        description: 'Submits an app to the App Store: a client id and a client secret (shown in this response only), the default app URL, and its data scopes (the web-service methods it may call).',
        requestBody: { content: { 'application/json': { schema: appInput.schema } } },
        responses: { '201': { description: '{"clientId", "clientSecret", "name", "appUrl", "scopes"}' }, '400': PROBLEM },
      },
      handle: (req, res) => void res.status(201).json(accounts.createApp(appInput.parse(req.body))),
    },
    {
      method: 'get',
      path: '/apps',
      doc: { operationId: 'listEntrataApps', description: 'App Store apps, secrets never shown.', responses: { '200': { description: '{"apps": [...]}' } } },
      handle: (_req, res) => void res.json({ apps: accounts.apps.map(({ clientSecret: _secret, ...app }) => app) }),
    },
    {
      method: 'post',
      path: '/installs',
      doc: {
        operationId: 'installEntrataApp',
        description: 'A company installs an app, granting it its data scopes.',
        requestBody: { content: { 'application/json': { schema: installInput.schema } } },
        responses: { '201': { description: '{"clientId", "subdomain"}' }, '400': PROBLEM, '404': PROBLEM },
      },
      handle: (req, res) => {
        const input = installInput.parse(req.body);
        if (!accounts.app(input.clientId)) throw new SandboxProblem(404, 'Not found', `No App Store app has the clientId ${input.clientId}.`);
        const company = requireCompany(input.subdomain);
        accounts.install(input.clientId, company.subdomain);
        res.status(201).json({ clientId: input.clientId, subdomain: company.subdomain });
      },
    },
  ];
}
