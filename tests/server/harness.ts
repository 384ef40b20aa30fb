// A real server on 127.0.0.1 and real colyseus.js clients (the shared seat
// client, tools/seat-client.ts) that remember every message they receive.
import { afterAll, beforeAll } from "vitest";
import { Client, type Room } from "colyseus.js";
import { createAccordServer, type AccordServer, type AccordServerOptions } from "../../server/app.ts";
import type { JoinOptions } from "../../shared/protocol.ts";
import { SeatClient } from "../../tools/seat-client.ts";
import { quietLog } from "../../server/log.ts";

export const WAIT_MS = 5_000;

// colyseus.js warns on the console about every refused join and closed socket,
// which the tests cause on purpose; keep the test output for real problems.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === "string" && /^(colyseus\.js|Room connection was closed|Room, onError)/.test(args[0])) return;
  warn(...args);
};

export async function startServer(options: Partial<AccordServerOptions> = {}): Promise<AccordServer> {
  return createAccordServer({ port: 0, host: "127.0.0.1", log: quietLog(), restore: false, ...options });
}

/**
 * A server for one test file: started before its tests, closed after them
 * with every seat `seat` opened. `file.server` is the running server.
 */
export function serverForFile(options: Partial<AccordServerOptions> = {}) {
  const opened: Player[] = [];
  const file = {
    server: undefined as unknown as AccordServer,
    /** Seats a player at a session; it leaves when the file is done. */
    async seat(code: string, join: Parameters<typeof Player.join>[2], label: string): Promise<Player> {
      const p = await Player.join(file.server, code, join, label);
      opened.push(p);
      return p;
    },
  };
  beforeAll(async () => {
    file.server = await startServer(options);
  });
  afterAll(async () => {
    for (const p of opened) await p.leave();
    await file.server.close();
  });
  return file;
}

export async function createSession(server: AccordServer, body?: unknown) {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { code: string; hostKey: string; hostUrl: string; joinUrl: string; observerUrl: string };
}

export async function until(check: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A seat over a real connection that keeps every message (tools/seat-client.ts), joined through a test server. */
export class Player extends SeatClient {
  static async join(server: AccordServer, code: string, options: JoinOptions, label = "player"): Promise<Player> {
    const player = Player.fromRoom(label, await new Client(server.url).joinById(code, options));
    await until(() => player.view !== null, `${label}'s first view`);
    return player;
  }

  /** A player on a room joined some other way (another address, say). */
  static fromRoom(label: string, room: Room): Player {
    return new Player(room, { label, keepMessages: true, timeoutMs: WAIT_MS });
  }
}
