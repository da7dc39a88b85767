// Deterministic random characters without faker: ids for writes (a new reservation's _id, a registered client's id), so the same seed and
// the same writes give the same ids, in the serving thread, where faker is never loaded (it seeds data in a worker; see seed-worker.ts).

/** FNV-1a, so a (seed, namespace) pair always maps to the same 32-bit state. */
export function seedHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

export class SeededRandom {
  private state: number;

  constructor(seed: number, namespace: string) {
    this.state = seedHash(`${seed}:${namespace}`) || 1;
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  fromCharacters(characters: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += characters[Math.floor(this.next() * characters.length)];
    return out;
  }

  /** Lower-case hexadecimal, e.g. the 24 characters of a MongoDB ObjectId. */
  hex(length: number): string {
    return this.fromCharacters('0123456789abcdef', length);
  }

  alphanumeric(length: number, casing: 'mixed' | 'lower' = 'mixed'): string {
    return this.fromCharacters(casing === 'lower' ? LOWER + DIGITS : LOWER.toUpperCase() + LOWER + DIGITS, length);
  }
}
