import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';
import { DistinctWindow } from './distinct-window.js';

const HOUR = 3600; // seconds, as Clock.advance takes them

describe('DistinctWindow', () => {
  const setup = (): { clock: Clock; window: DistinctWindow } => {
    const clock = new Clock();
    clock.freeze();
    return { clock, window: new DistinctWindow(clock, 2, 24 * 3600) };
  };

  it('admits two different values and any repeat of them, and refuses a third', () => {
    const { window } = setup();
    expect(window.take('ip', 'a').allowed).toBe(true);
    expect(window.take('ip', 'b').allowed).toBe(true);
    expect(window.take('ip', 'a').allowed).toBe(true);
    const third = window.take('ip', 'c');
    expect(third).toMatchObject({ allowed: false, reached: ['a', 'b'] });
  });

  it('keeps keys apart', () => {
    const { window } = setup();
    window.take('one', 'a');
    window.take('one', 'b');
    expect(window.take('two', 'c').allowed).toBe(true);
  });

  it('admits the third once the window has passed since the older value was last used, and says when', () => {
    const { clock, window } = setup();
    window.take('ip', 'a');
    clock.advance(2 * HOUR);
    window.take('ip', 'b');
    clock.advance(20 * HOUR);
    const refused = window.take('ip', 'c');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 2 * 3600, reached: ['a', 'b'] });
    clock.advance(2 * HOUR);
    expect(window.take('ip', 'c').allowed).toBe(true);
    expect(window.take('ip', 'a').allowed).toBe(false);
  });

  it('forgets everything on reset', () => {
    const { window } = setup();
    window.take('ip', 'a');
    window.take('ip', 'b');
    window.reset();
    expect(window.take('ip', 'c').allowed).toBe(true);
  });
});
