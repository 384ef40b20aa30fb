// The server's clock as seen from this device. Timers end at a server time
// (`endsAt`); a phone whose clock is minutes off would otherwise show the
// wrong time left. The welcome says what time the server had when it sent it;
// each view's `now` (the last time the server applied an action) is a floor
// the server's clock has certainly passed.
export class ServerClock {
  /** Server time minus device time, in ms. */
  private offset = 0;

  constructor(private readonly deviceNow: () => number = Date.now) {}

  /** The welcome's `serverTime`, taken as now on the server (it left the server a few ms ago at most). */
  sync(serverTime: number | undefined): void {
    if (typeof serverTime !== "number" || !Number.isFinite(serverTime)) return;
    this.offset = serverTime - this.deviceNow();
  }

  /** The server has applied an action at `serverNow`: our estimate can't be earlier than that. */
  atLeast(serverNow: number | undefined): void {
    if (typeof serverNow !== "number" || !Number.isFinite(serverNow)) return;
    // The server's clock had reached `serverNow` before this arrived: an estimate behind it is
    // certainly wrong (the welcome's time lags by its trip), so it moves up, however little.
    const behind = serverNow - this.now();
    if (behind > 0) this.offset += behind;
  }

  /** Now, on the server's clock. */
  now(): number {
    return this.deviceNow() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }
}
