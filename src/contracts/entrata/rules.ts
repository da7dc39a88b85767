// Entrata's client rules (seeds/004 "OAuth Single Sign-On", "Accessing Web Services"): the launch code exchanged within its 30 seconds,
// getUserInfo before any other service with a new token, a Content-Type matching the body. A client is its App Store app's client id.
import { bearerOf, field, identifyByTokens, text, xmlValue } from '../verify/observed.js';
import { failed, notApplicable, passed, type ClientRule, type Observed, type ProviderRules } from '../verify/types.js';
import { doc, SERVICES, SSO } from './common.js';

const SYNC = 'sync.entrata.com';
/** seeds/004 says "very short"; the sandbox refuses a code from its 30th second on (README, Entrata assumptions). */
const CODE_LIFETIME_MS = 30_000;
const CODE_EXPIRED = 'Authorization code has expired.';

const methodOf = (e: Observed): string | undefined => text(field(e.requestBody, 'method', 'name'));
const isOAuthService = (e: Observed): boolean => e.host === SYNC && /^\/api(\/v1)?\/oauth\/?$/i.test(e.path);
const isExchange = (e: Observed): boolean => isOAuthService(e) && methodOf(e) === 'getAccessToken';
const isUserInfo = (e: Observed): boolean => isOAuthService(e) && methodOf(e) === 'getUserInfo';
/** A company's web service (`https://<subdomain>.entrata.com/api/...`), not the App Store page. */
const isCompanyService = (e: Observed): boolean => e.host !== SYNC && e.method === 'POST' && /^\/api\//i.test(e.path);

/** The envelope's `response` of a JSON or an XML answer: its error message and its access token. */
const errorMessage = (e: Observed): string | undefined => text(field(e.responseJson, 'response', 'error', 'message')) ?? xmlValue(e.responseText, 'message');
const accessTokenOf = (e: Observed): string | undefined => text(field(e.responseJson, 'response', 'result', 'access_token')) ?? xmlValue(e.responseText, 'access_token');

const codeLifetime: ClientRule = {
  id: 'entrata.launch-code-lifetime',
  sentence: 'exchanges the launch auth_code for a token within its lifetime (30 s on the virtual clock)',
  source: doc(SSO),
  check(entries, ctx) {
    const exchanges = entries.filter(isExchange);
    if (exchanges.length === 0) return notApplicable();
    const launches = ctx.all.filter((e) => e.method === 'GET' && /^\/apps\//.test(e.path) && e.status === 200);
    const late = exchanges.filter((e) => {
      if (errorMessage(e) === CODE_EXPIRED) return true;
      const code = text(field(e.requestBody, 'auth', 'code'));
      const launch = code === undefined ? undefined : launches.find((l) => l.id < e.id && (l.responseText ?? '').includes(`auth_code=${code}`));
      return launch !== undefined && e.atMs - launch.atMs >= CODE_LIFETIME_MS;
    });
    return late.length > 0 ? failed(late.map((e) => e.id), `entry ${late[0]!.id} exchanged a code at or after its 30th second`) : passed(exchanges.map((e) => e.id));
  },
};

const userInfoFirst: ClientRule = {
  id: 'entrata.user-info-first',
  sentence: 'calls getUserInfo with a new access token before any other web service',
  source: doc(SSO),
  check(entries) {
    const used = entries.filter((e) => bearerOf(e) !== undefined && (isUserInfo(e) || isCompanyService(e)));
    if (used.length === 0) return notApplicable();
    const introduced = new Set<string>();
    const early = used.filter((e) => {
      const token = bearerOf(e)!;
      if (isUserInfo(e)) introduced.add(token);
      return !introduced.has(token);
    });
    return early.length > 0 ? failed(early.map((e) => e.id), `entry ${early[0]!.id} called ${methodOf(early[0]!) ?? 'a web service'} before getUserInfo with its token`) : passed(used.map((e) => e.id));
  },
};

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
const XML_TYPE = /^(application|text)\/([\w.+-]+\+)?xml\s*(;|$)/i;
/** The sandbox's answers to a body its Content-Type does not describe: it did not parse as that type, or the type is neither. */
const UNREAD = /^Request body is not valid (JSON|XML)\.$|^Content-Type .* is not supported/;

const contentType: ClientRule = {
  id: 'entrata.content-type-matches-body',
  sentence: 'sends a Content-Type that matches its body: JSON with a JSON type, XML with an XML type',
  source: doc(SERVICES),
  check(entries) {
    const posts = entries.filter((e) => e.method === 'POST');
    if (posts.length === 0) return notApplicable();
    const wrong = posts.filter((e) => {
      const type = e.requestHeaders['content-type'] ?? '';
      return (!JSON_TYPE.test(type) && !XML_TYPE.test(type)) || UNREAD.test(errorMessage(e) ?? '');
    });
    return wrong.length > 0 ? failed(wrong.map((e) => e.id), `${wrong.length} request(s) whose Content-Type does not describe the body, from entry ${wrong[0]!.id}`) : passed(posts.map((e) => e.id));
  },
};

export const ruleSet: ProviderRules = {
  provider: 'entrata',
  identify(entries) {
    identifyByTokens(entries, { clientOf: (e) => (isExchange(e) ? text(field(e.requestBody, 'auth', 'client_id')) : undefined), issued: (e) => [accessTokenOf(e)] });
  },
  rules: [codeLifetime, userInfoFirst, contentType],
};
