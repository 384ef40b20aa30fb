// Graceful stop on SIGTERM / SIGINT: accept nothing new, tell clients the
// server is restarting (they reconnect by themselves and keep their seats),
// let the room finish what it is doing, close the store, and exit within a
// bound even if a step hangs. Every accepted action is already durable (the
// journal commits before anyone is told), so a step that fails loses nothing.

export interface ShutdownSteps {
  /** Stop taking new connections and new sessions (e.g. close the HTTP listener). */
  stopAccepting?: () => unknown;
  /** Tell every client the server is restarting (a "restarting" notice). */
  notifyRestarting?: (message: string) => unknown;
  /** Anything else: disconnect rooms, stop timers, stop the heartbeat. */
  onStop?: () => unknown;
  /** Flush and close the store: last, after nothing more can be appended. */
  closeStore?: () => unknown;
}

export interface ShutdownOptions extends ShutdownSteps {
  /** The whole stop must finish within this, or the process exits with code 1. Default 10 s. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  /** For tests; defaults to process.exit. */
  exit?: (code: number) => void;
  log?: (line: string) => void;
}

export const RESTARTING_MESSAGE = "The server is restarting. You will be reconnected to your seat in a moment.";

export interface GracefulShutdown {
  /** Runs the stop as a signal would; resolves with the exit code. */
  stop(reason?: string): Promise<number>;
  uninstall(): void;
}

export function installGracefulShutdown(opts: ShutdownOptions): GracefulShutdown {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const log = opts.log ?? ((line: string) => console.log(line));
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const signals = opts.signals ?? ["SIGTERM", "SIGINT"];
  let stopping: Promise<number> | null = null;
  let storeClosing = false;

  const step = async (name: string, fn: (() => unknown) | undefined) => {
    if (!fn) return true;
    try {
      await fn();
      return true;
    } catch (err) {
      log(`shutdown: ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  };

  const stop = (reason = "stop requested"): Promise<number> => {
    if (stopping) return stopping;
    log(`shutdown: ${reason}, stopping within ${timeoutMs} ms`);
    // Not unref'd: a hung step must still end in exit(1), not in a silent exit 0.
    let bounder: NodeJS.Timeout | undefined;
    const bound = new Promise<number>((resolve) => {
      bounder = setTimeout(() => {
        log("shutdown: took too long, exiting anyway");
        // A hung step must not keep the store open: close it now if that step never came.
        if (!storeClosing) void step("close store", opts.closeStore);
        resolve(1);
      }, timeoutMs);
    });
    const steps = (async () => {
      let ok = await step("stop accepting", opts.stopAccepting);
      ok =
        (await step("notify clients", opts.notifyRestarting && (() => opts.notifyRestarting?.(RESTARTING_MESSAGE)))) &&
        ok;
      ok = (await step("stop", opts.onStop)) && ok;
      // The store closes even when an earlier step failed: that is what makes the stop clean.
      storeClosing = true;
      ok = (await step("close store", opts.closeStore)) && ok;
      return ok ? 0 : 1;
    })();
    stopping = Promise.race([steps, bound]).then((code) => {
      clearTimeout(bounder);
      log(`shutdown: done (exit ${code})`);
      exit(code);
      return code;
    });
    return stopping;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while stopping means "now".
    if (stopping) {
      log(`shutdown: ${signal} again, exiting now`);
      exit(1);
      return;
    }
    void stop(signal);
  };
  for (const s of signals) process.on(s, onSignal);

  return {
    stop,
    uninstall: () => {
      for (const s of signals) process.off(s, onSignal);
    },
  };
}
