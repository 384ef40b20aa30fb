// A test client of one seat: colyseus.js, the seat's view kept with
// shared/patch.ts, every acknowledgement and refusal recorded.
import { Client, type Room } from "colyseus.js";
import { applyPatch } from "../../shared/patch.ts";
import type { ClientAction, JoinOptions, PatchOp, ServerMessage } from "../../shared/protocol.ts";
import type { SessionView } from "../../shared/view.ts";

export class Seat {
  view: SessionView | null = null;
  welcome: Extract<ServerMessage, { type: "welcome" }> | null = null;
  readonly acked = new Set<number>();
  readonly refused: { seq?: number; code: string; message: string }[] = [];
  private seq = 0;

  private constructor(
    readonly name: string,
    readonly room: Room,
  ) {
    room.onMessage("*", (type: string | number, message: unknown) => {
      const msg = message as ServerMessage;
      if (msg.type === "welcome") this.welcome = msg;
      else if (msg.type === "view") this.view = msg.view as SessionView;
      else if (msg.type === "patch" && this.view) this.view = applyPatch(this.view, msg.ops as PatchOp[]);
      else if (msg.type === "ack") this.acked.add(msg.seq);
      else if (msg.type === "error") this.refused.push({ seq: msg.seq, code: msg.code, message: msg.message });
      void type;
    });
  }

  /** Joins through the server at `url` (whichever process holds the room). */
  static async join(url: string, code: string, options: JoinOptions, name = "seat"): Promise<Seat> {
    const room = await new Client(url.replace(/^http/, "ws")).joinById(code, options);
    const seat = new Seat(name, room);
    await waitFor(() => seat.view !== null && seat.welcome !== null, `${name}'s first view`);
    return seat;
  }

  /** Sends an action and waits until the server acknowledges it (a refusal fails the test with its words). */
  async act(action: ClientAction): Promise<void> {
    const seq = ++this.seq;
    const refusals = this.refused.length;
    this.room.send("act", { seq, action });
    await waitFor(() => {
      const r = this.refused.slice(refusals).find((x) => x.seq === seq);
      if (r) throw new Error(`${this.name}: ${action.type} refused: ${r.code} ${r.message}`);
      return this.acked.has(seq);
    }, `${this.name}: ${action.type} acknowledged`);
  }

  /** Leaves; bounded, since a connection to a process that died never answers. */
  async leave(): Promise<void> {
    await Promise.race([this.room.leave(true).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  }
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
