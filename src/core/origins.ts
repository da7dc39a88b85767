// The URL rule: a real origin `https://host` is served at `<sandbox base>/host`, so a documented URL works once its origin is replaced.

/** `https://open-api.guesty.com` → `open-api.guesty.com`; `https://{subdomain}.entrata.com` → `{subdomain}.entrata.com`. */
export function originHost(origin: string): string {
  return origin.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

/** The Express mount path of an origin: templated labels become route parameters (`/:subdomain.entrata.com`). */
export function mountPath(origin: string): string {
  return `/${originHost(origin).replace(/\{(\w+)\}/g, ':$1')}`;
}

/** The sandbox base URL standing for a real origin, template labels kept as written. */
export function sandboxBaseUrl(sandboxUrl: string, origin: string): string {
  return `${sandboxUrl.replace(/\/+$/, '')}/${originHost(origin)}`;
}
