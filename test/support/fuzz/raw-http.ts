// Sends one request exactly as written (raw path, repeated headers in order, any body) with node:http, which fetch cannot do.
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent as is: `%zz`, `%c0%ae` and the like stay undecoded. */
  path: string;
  /** Name/value pairs in order; a name may repeat. */
  headers: Array<[string, string]>;
  body?: Buffer;
}

export interface RawAnswer {
  status: number;
  /** Lower-case names; repeated ones joined as Node folds them. */
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** `base` is the sandbox URL (`http://127.0.0.1:port`); Host and Content-Length are added here unless given. */
export function sendRaw(base: string, req: RawRequest, timeoutMs = 20_000): Promise<RawAnswer> {
  const url = new URL(base);
  const pairs = [...req.headers];
  if (!pairs.some(([n]) => n.toLowerCase() === 'host')) pairs.unshift(['Host', url.host]);
  if (req.body !== undefined && !pairs.some(([n]) => n.toLowerCase() === 'content-length')) pairs.push(['Content-Length', String(req.body.length)]);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers: pairs.flat(), agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}

export function closeRawConnections(): void {
  agent.destroy();
}
