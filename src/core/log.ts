// Structured logs (pino): quiet by default, one line a request at `info`, secrets redacted by path.
import { pino } from 'pino';

export type Logger = pino.Logger;
export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'body.client_secret',
  'body.password',
  'body.access_token',
  'body.refresh_token',
  '*.client_secret',
  '*.clientSecret',
  '*.password',
  '*.access_token',
  '*.refresh_token',
  '*.token',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' }, base: { name: 'pms-sandbox' } }, destination);
}
