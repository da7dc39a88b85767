// Unit tests of request-read.ts: what a failed read is called, and the depth limit.
import { describe, expect, it } from 'vitest';
import { depthBeyond, readFailureOf, RequestReadError } from './request-read.js';

describe('readFailureOf', () => {
  it("names body parsers' failures, zlib's and the router's", () => {
    expect(readFailureOf({ type: 'entity.parse.failed', status: 400 }, 'application/json', '')).toEqual({ kind: 'malformed-json' });
    expect(readFailureOf({ type: 'entity.too.large', status: 413 }, '', '')).toEqual({ kind: 'too-large' });
    expect(readFailureOf({ type: 'charset.unsupported', status: 415 }, 'application/json; charset=utf-7', '')).toEqual({ kind: 'unsupported-encoding', contentType: 'application/json; charset=utf-7' });
    expect(readFailureOf(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', status: 400 }), '', 'gzip')).toEqual({ kind: 'undecodable-body', encoding: 'gzip' });
    expect(readFailureOf(new URIError('URI malformed'), '', '')).toEqual({ kind: 'malformed-path' });
    expect(readFailureOf(Object.assign(new Error('Decompression failed'), { code: 'ERR__ERROR_FORMAT_PADDING_2', status: 400 }), '', 'br')).toEqual({ kind: 'undecodable-body', encoding: 'br' });
    expect(readFailureOf(new RequestReadError({ kind: 'too-deep', depth: 100 }), '', '')).toEqual({ kind: 'too-deep', depth: 100 });
  });

  it('leaves every other error to be a sandbox bug', () => {
    expect(readFailureOf(new TypeError('x is undefined'), '', '')).toBeUndefined();
    expect(readFailureOf({ type: 'stream.not.readable', status: 500 }, '', '')).toBeUndefined();
    expect(readFailureOf('a string', '', '')).toBeUndefined();
  });
});

describe('depthBeyond', () => {
  const nest = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it('counts arrays and objects alike, up to the limit and one past it', () => {
    expect(depthBeyond(nest(100), 100)).toBe(false);
    expect(depthBeyond(nest(101), 100)).toBe(true);
    expect(depthBeyond({ a: { b: { c: 1 } } }, 3)).toBe(false);
    expect(depthBeyond({ a: { b: { c: {} } } }, 3)).toBe(true);
    expect(depthBeyond('text', 0)).toBe(false);
  });

  it('walks a body far deeper than the stack would allow a recursion', () => {
    expect(depthBeyond(nest(200_000), 100)).toBe(true);
  });
});
