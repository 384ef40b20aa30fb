// The shared seat client (tools/seat-client.ts) joined through whichever
// process's address the test names.
import type { JoinOptions } from "../../shared/protocol.ts";
import { SeatClient } from "../../tools/seat-client.ts";

export { SeatClient as Seat };

/** Joins through the server at `url` (whichever process holds the room). */
export function joinAt(url: string, code: string, options: JoinOptions, name = "seat"): Promise<SeatClient> {
  return SeatClient.connect(url.replace(/^http/, "ws"), code, options, { label: name, keepMessages: true });
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
