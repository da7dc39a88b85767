// The virtual clock: every expiry, quota window and timestamp in the sandbox reads it, and nothing else reads the wall clock.

export interface ClockState {
  now: string;
  frozen: boolean;
}

/**
 * Runs with real time from a movable offset, or stands still when frozen. Tests move it instead of
 * sleeping: advancing 24 hours is one call.
 */
/** The clock stays within years 1970 to 9999: what an ISO 8601 date-time of four-digit years, and a JWT's seconds, can print. */
export const CLOCK_MIN_MS = 0;
export const CLOCK_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const CLOCK_RANGE = '1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z';

export class Clock {
  /** Whether the clock can stand at `ms`. */
  static holds(ms: number): boolean {
    return ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS;
  }

  private offsetMs = 0;
  private frozenAtMs: number | undefined;

  nowMs(): number {
    return this.frozenAtMs ?? Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Whole seconds since the epoch, as JWT `iat`/`exp` count them. */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  set(at: Date | string | number): ClockState {
    const target = new Date(at).getTime();
    if (Number.isNaN(target)) throw new RangeError(`not a date: ${String(at)}`);
    if (!Clock.holds(target)) throw new RangeError(`${new Date(target).toISOString()} is outside the clock's range, ${CLOCK_RANGE}`);
    if (this.frozenAtMs !== undefined) this.frozenAtMs = target;
    else this.offsetMs = target - Date.now();
    return this.state();
  }

  advance(seconds: number): ClockState {
    if (!Number.isFinite(seconds)) throw new RangeError(`not a number of seconds: ${String(seconds)}`);
    const target = this.nowMs() + seconds * 1000;
    if (!Clock.holds(target)) throw new RangeError(`advancing ${seconds} s leaves the clock's range, ${CLOCK_RANGE}`);
    return this.set(target);
  }

  /** Stops the clock where it stands (or at `at`), so a test can reach an expiry to the second. */
  freeze(at?: Date | string | number): ClockState {
    this.frozenAtMs = this.nowMs();
    return at === undefined ? this.state() : this.set(at);
  }

  unfreeze(): ClockState {
    if (this.frozenAtMs !== undefined) {
      this.offsetMs = this.frozenAtMs - Date.now();
      this.frozenAtMs = undefined;
    }
    return this.state();
  }

  /** Back to real time, running. */
  reset(): ClockState {
    this.offsetMs = 0;
    this.frozenAtMs = undefined;
    return this.state();
  }

  state(): ClockState {
    return { now: this.now().toISOString(), frozen: this.frozenAtMs !== undefined };
  }
}
