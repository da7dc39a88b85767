// The virtual clock: every expiry, quota window and timestamp in the sandbox reads it, and nothing else reads the wall clock.

export interface ClockState {
  now: string;
  frozen: boolean;
}

/**
 * Runs with real time from a movable offset, or stands still when frozen. Tests move it instead of
 * sleeping: advancing 24 hours is one call.
 */
export class Clock {
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
    if (this.frozenAtMs !== undefined) this.frozenAtMs = target;
    else this.offsetMs = target - Date.now();
    return this.state();
  }

  advance(seconds: number): ClockState {
    if (!Number.isFinite(seconds)) throw new RangeError(`not a number of seconds: ${String(seconds)}`);
    return this.set(this.nowMs() + seconds * 1000);
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
