// Body codecs an origin declares: the media types each reads, how it parses a body into `req.body`, and how it writes an answer.
import express, { type RequestHandler } from 'express';
import { refuseDeepBodies, RequestReadError } from '../request-read.js';
import { fits, mediaTypeOf } from './media-type.js';

/** How an answer is put in a format: its Content-Type and its text. */
export interface AnswerWriter {
  type: string;
  write(body: unknown): string | undefined;
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
}

export const JSON_TYPES = ['application/json', 'application/*+json'];

export const jsonCodec: BodyCodec = {
  name: 'JSON',
  types: JSON_TYPES,
  parser: (limit) => express.json({ limit, type: JSON_TYPES }),
  answer: { type: 'application/json', write: (body) => JSON.stringify(body) },
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

/** A codec for a text format (XML): the body is read as text within the limit, then parsed; a parse failure is the origin's 400. */
export function textCodec(format: TextFormat): BodyCodec {
  return {
    name: format.name,
    types: format.types,
    ...(format.answer ? { answer: format.answer } : {}),
    ...(format.typedBySchema ? { typedBySchema: true as const } : {}),
    parser: (limit) => {
      const text = express.text({ limit, type: [...format.types] });
      return (req, res, next) => {
        const before: unknown = req.body;
        text(req, res, (err?: unknown) => {
          if (err) return next(err);
          // Only a body this parser has just read: an earlier codec may have read another type already.
          if (before === undefined && typeof req.body === 'string' && req.body !== '') {
            try {
              req.body = format.parse(req.body);
            } catch {
              req.body = undefined;
              return next(new RequestReadError({ kind: 'malformed-body', format: format.name }));
            }
          }
          next();
        });
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

/** One handler that reads a body with each codec in turn, then refuses one nested too deep. GET and HEAD carry no body and skip it all. */
export function bodyReader(codecs: readonly BodyCodec[], limit: string): RequestHandler {
  const steps = [...codecs.map((codec) => codec.parser(limit)), refuseDeepBodies()];
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
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
