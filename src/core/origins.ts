// The URL rule: a real origin `https://host` is served at `<sandbox base>/host`, so a documented URL works once its origin is replaced.

/** `https://open-api.guesty.com` → `open-api.guesty.com`; `https://{subdomain}.entrata.com` → `{subdomain}.entrata.com`. */
export function originHost(origin: string): string {
  return origin.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

/** The Express mount path of an origin: templated labels become route parameters (`/:subdomain.entrata.com`). */
export function mountPath(origin: string): string {
  return `/${originHost(origin).replace(/\{(\w+)\}/g, ':$1')}`;
}

/** Hosts of the origins asked about: a handful of constants, asked about on every request that writes a link. */
const hosts = new Map<string, string>();

/** The sandbox base URL standing for a real origin, template labels kept as written. */
export function sandboxBaseUrl(sandboxUrl: string, origin: string): string {
  let host = hosts.get(origin);
  if (host === undefined) {
    host = originHost(origin);
    if (hosts.size < 256) hosts.set(origin, host);
  }
  return `${sandboxUrl.endsWith('/') ? sandboxUrl.replace(/\/+$/, '') : sandboxUrl}/${host}`;
}

/**
 * What the origin map lists for an origin: itself, or for a templated one (`https://{subdomain}.entrata.com`) its pattern with `*` for each
 * label (`https://*.entrata.com`) and then each instance that exists (`https://sunrise.entrata.com`).
 */
export function listedOrigins(origin: string, instances: ReadonlyArray<Readonly<Record<string, string>>>): string[] {
  if (!/\{\w+\}/.test(origin)) return [origin];
  const fill = (values: Readonly<Record<string, string>>): string => origin.replace(/\{(\w+)\}/g, (label, name: string) => values[name] ?? label);
  return [origin.replace(/\{\w+\}/g, '*'), ...instances.map(fill)];
}
