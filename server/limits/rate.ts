// Rate limits. A token bucket per client for actions (a burst, then a steady
// rate), and a sliding count of failures per IP address so join codes, seat
// tokens and host keys cannot be found by trying many of them.

export interface RateSettings {
  burst: number;
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly settings: RateSettings,
    now: number,
  ) {
    this.tokens = settings.burst;
    this.last = now;
  }
  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.tokens = Math.min(this.settings.burst, this.tokens + ((now - this.last) / 1000) * this.settings.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** At most `limit` counted events per key within `windowMs`. */
export class WindowCounter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }
  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.limit;
  }
  count(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
    // Forget idle keys now and then so a long-running server does not grow.
    if (this.hits.size > 10_000) for (const k of [...this.hits.keys()]) this.recent(k, now);
  }
}
