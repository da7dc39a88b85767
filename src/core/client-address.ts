// The client's IP address, for limits a provider counts per IP (OwnerRez): the socket's remote address, so a test can connect from
// 127.0.0.2 and 127.0.0.3 to be two clients; with the trust-proxy setting on (behind a proxy that sets it), X-Forwarded-For's first entry.
import type { Request } from 'express';

/** `::ffff:127.0.0.2`, as a dual-stack socket reports an IPv4 peer, is `127.0.0.2`. */
function plain(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    // The first entry is the original client; each proxy appends the address it received the request from.
    const first = req.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return plain(first);
  }
  return plain(req.socket.remoteAddress ?? 'unknown');
}
