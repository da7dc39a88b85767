// Body codecs an origin declares: the media types each reads, how it parses a body into `req.body`, and how it writes an answer.
import express, { type Request, type RequestHandler } from 'express';
import { answerBytes, answerJson, deepFreeze } from '../json-text.js';
import { refuseDeepBodies, RequestReadError } from '../request-read.js';
import { limitBytes, plainRead, readPlainText } from './body-text.js';
import { fits, mediaTypeOf } from './media-type.js';

/** How an answer is put in a format: its Content-Type and its text. */
export interface AnswerWriter {
  type: string;
  write(body: unknown): string | undefined;
  /** The same answer as bytes to send, when the format keeps them (JSON's answers of frozen rows); `write` otherwise. */
  bytes?(body: unknown): Buffer | string | undefined;
}

export interface BodyCodec {
  /** The format's name in messages: `Request body is not valid XML`. */
  name: string;
  /** The media types it reads, as patterns: `application/json`, `application/*+json`. */
  types: readonly string[];
  /** The parser that reads a body of these types into `req.body`, within the origin's body limit. */
  parser(limit: string): RequestHandler;
  /** How an answer is written in this format; a codec without one only reads (form). */
  answer?: AnswerWriter;
  /** The format carries text only (XML): a value's type is the one its schema gives it. */
  typedBySchema?: true;
  /** A text format's parser (textCodec's): `bodyReader` may read a plain body of this codec's types itself, then parse it with this. */
  parseText?(text: string): unknown;
}

export const JSON_TYPES = ['application/json', 'application/*+json'];

export const jsonCodec: BodyCodec = {
  name: 'JSON',
  types: JSON_TYPES,
  parser: (limit) => express.json({ limit, type: JSON_TYPES }),
  // JSON.stringify's text, each frozen row's made once, and an answer of the same frozen rows sent as the same bytes (json-text.ts).
  answer: { type: 'application/json', write: answerJson, bytes: answerBytes },
};

export const formCodec: BodyCodec = {
  name: 'form',
  types: ['application/x-www-form-urlencoded'],
  parser: (limit) => express.urlencoded({ extended: false, limit, type: 'application/x-www-form-urlencoded' }),
};

/** What every origin reads unless it declares otherwise: JSON, and form fields (OAuth token endpoints). */
export const DEFAULT_CODECS: readonly BodyCodec[] = [jsonCodec, formCodec];

export interface TextFormat {
  name: string;
  types: readonly string[];
  /** Parses the body's text (decoded by its charset); throwing means the body is not valid in this format. */
  parse(text: string): unknown;
  answer?: AnswerWriter;
  typedBySchema?: true;
}

/** What a text codec makes of the text it read: parsed into `req.body` unless a body was there before; a failure is the origin's 400. */
function parsedText(req: Request, before: unknown, codec: Pick<BodyCodec, 'name'>, parse: (text: string) => unknown): RequestReadError | undefined {
  // Only a body this parser has just read: an earlier codec may have read another type already.
  if (before === undefined && typeof req.body === 'string' && req.body !== '') {
    try {
      req.body = parse(req.body);
    } catch {
      req.body = undefined;
      return new RequestReadError({ kind: 'malformed-body', format: codec.name });
    }
  }
  return undefined;
}

/**
 * Reads a plain body (`plainRead`) of `codec`'s types as text and parses it, as the codec's express.text would, then goes on with `then`.
 * As body-parser leaves a request, `'body' in req` afterwards.
 */
function readText(req: Request, codec: Pick<BodyCodec, 'name'>, parse: (text: string) => unknown, next: (err?: unknown) => void, then: () => void): void {
  const before: unknown = req.body;
  if (req.body === undefined) req.body = undefined;
  readPlainText(req, (err, text) => {
    if (err) return next(err);
    const last = lastParsed.get(parse);
    if (before === undefined && last !== undefined && last.text === text) {
      req.body = last.value;
      return then();
    }
    req.body = text;
    const failed = parsedText(req, before, codec, parse);
    if (failed) return next(failed);
    if (before === undefined && text.length <= MAX_REMEMBERED_TEXT && typeof req.body === 'object' && req.body !== null) lastParsed.set(parse, { text, value: deepFreeze(req.body) });
    then();
  });
}

/**
 * The last body each text format parsed, by its text: a client polling a service sends the same body again and again, and is handed the
 * same value, frozen (nothing downstream writes into a body: an RPC method's params are copied where its schema would write).
 */
const lastParsed = new WeakMap<(text: string) => unknown, { text: string; value: unknown }>();
const MAX_REMEMBERED_TEXT = 4096;

/** A codec for a text format (XML): the body is read as text within the limit, then parsed; a parse failure is the origin's 400. */
export function textCodec(format: TextFormat): BodyCodec {
  return {
    name: format.name,
    types: format.types,
    parseText: format.parse,
    ...(format.answer ? { answer: format.answer } : {}),
    ...(format.typedBySchema ? { typedBySchema: true as const } : {}),
    parser: (limit) => {
      const text = express.text({ limit, type: [...format.types] });
      const max = limitBytes(limit);
      return (req, res, next) => {
        // The plain case (UTF-8, no Content-Encoding, a Content-Length within the limit) is read here in one step; the rest by express.text.
        const plain = max === undefined ? undefined : plainRead(req, format.types, max);
        if (plain === 'read') return readText(req, format, format.parse, next, next);
        if (plain === 'finished') return next();
        if (plain === 'skip') {
          if (req.body === undefined) req.body = undefined;
          return next();
        }
        const before: unknown = req.body;
        text(req, res, (err?: unknown) => next(err ?? parsedText(req, before, format, format.parse)));
      };
    },
  };
}

/** The codec that reads a Content-Type, if the origin has one. */
export function codecReading(codecs: readonly BodyCodec[], contentType: string | undefined): BodyCodec | undefined {
  const type = mediaTypeOf(contentType);
  return type === '' ? undefined : codecs.find((codec) => codec.types.some((pattern) => fits(pattern, type)));
}

/** The format an answer to a request takes: the one it was sent in when that codec writes, else the origin's first that writes. */
export function answerFormat(codecs: readonly BodyCodec[], contentType: string | undefined): AnswerWriter | undefined {
  return codecReading(codecs, contentType)?.answer ?? codecs.find((codec) => codec.answer)?.answer;
}

/**
 * One handler that reads a body with each codec in turn, then refuses one nested too deep. GET and HEAD carry no body and skip it all. A
 * plain body (`plainRead`) whose codec is a text codec is read by that codec in one step, as the turn of every codec would read it.
 */
export function bodyReader(codecs: readonly BodyCodec[], limit: string): RequestHandler {
  const steps = [...codecs.map((codec) => codec.parser(limit)), refuseDeepBodies()];
  const deep = steps[steps.length - 1]!;
  const max = limitBytes(limit);
  // The codec reading each Content-Type value sent: a client sends the same one every time; bounded whatever is sent.
  const readers = new Map<string, BodyCodec | undefined>();
  const readerOf = (contentType: string): BodyCodec | undefined => {
    const known = readers.get(contentType);
    if (known !== undefined || readers.has(contentType)) return known;
    if (readers.size >= 64) readers.clear();
    const codec = codecReading(codecs, contentType);
    readers.set(contentType, codec);
    return codec;
  };
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const contentType = req.headers['content-type'];
    const codec = max === undefined || contentType === undefined ? undefined : readerOf(contentType);
    const parse = codec?.parseText;
    // The codecs before it do not read this type, and those after find the body read: only the one reads, then the depth check.
    if (codec && parse && plainRead(req, codec.types, max!) === 'read') return readText(req, codec, parse, next, () => void deep(req, res, next));
    let index = 0;
    const step = (err?: unknown): void => {
      if (err) return next(err);
      const handler = steps[index++];
      if (!handler) return next();
      void handler(req, res, step);
    };
    step();
  };
}
