// A scripted player over a real colyseus.js connection that behaves as the
// browser client must through a crash: it keeps the action it has in flight,
// takes its seat back with its seat token (or host key) when the server
// returns, and resends that action under the same sequence number. Each
// connection is the shared seat client (tools/seat-client.ts).
import type { ClientAction, JoinOptions } from "../../shared/protocol.ts";
import { SeatClient, type Answer } from "../../tools/seat-client.ts";

export interface Sent {
  /** What finds the action in the session state afterwards: a chat line, an announcement or a provision title. */
  key: string;
  kind: "say" | "announce" | "draft";
  seq: number;
  action: ClientAction;
}

const ANSWER_MS = 8_000;
const REJOIN_MS = 40_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ScriptedPlayer {
  /** The live connection; null between a crash and taking the seat back. */
  private client: SeatClient | null = null;
  /** The seat every welcome named: the same one each time if seats come back. */
  readonly seats: string[] = [];
  readonly acked: Sent[] = [];
  readonly refused: (Sent & { code: string })[] = [];
  readonly sent: Sent[] = [];
  notices: string[] = [];
  rejoins = 0;
  private seatToken: string | null = null;
  private seq = 0;
  private count = 0;
  private inFlight: Sent | null = null;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    readonly label: string,
    private readonly endpoint: string,
    private readonly code: string,
    private readonly firstJoin: JoinOptions,
    /** Makes the player's n-th action. */
    private readonly script: (label: string, n: number) => Omit<Sent, "seq">,
    private readonly random: () => number,
  ) {}

  async join(): Promise<void> {
    await this.connect(this.firstJoin);
  }

  /** The options that take this seat back: the host key for the host, else the seat token from the welcome. */
  private get rejoinOptions(): JoinOptions {
    if ("hostKey" in this.firstJoin) return this.firstJoin;
    if (!this.seatToken) throw new Error(`${this.label} never got a seat token`);
    return { seatToken: this.seatToken };
  }

  private async connect(options: JoinOptions): Promise<void> {
    const client = await SeatClient.connect(this.endpoint, this.code, options, {
      label: this.label,
      timeoutMs: ANSWER_MS,
      onMessage: (message) => {
        if (message.type === "notice") this.notices.push(message.kind);
      },
    });
    this.seats.push(client.seat);
    if (client.welcome.seatToken) this.seatToken = client.welcome.seatToken;
    this.client = client;
  }

  /** Tries to take the seat back until the server answers (bounded). */
  private async rejoin(): Promise<void> {
    const end = Date.now() + REJOIN_MS;
    for (;;) {
      try {
        await this.connect(this.rejoinOptions);
        this.rejoins++;
        return;
      } catch (e) {
        if (Date.now() > end) throw new Error(`${this.label} could not take its seat back: ${(e as Error).message}`);
        await sleep(150);
      }
    }
  }

  /** Sends under the action's own number; "lost" if the connection is gone or goes before the answer. */
  private async send(sent: Sent): Promise<Answer> {
    const client = this.client;
    if (!client?.connected) {
      this.client = null;
      return { type: "lost" };
    }
    const answer = await client.send(sent.action, sent.seq);
    if (answer.type === "lost" && this.client === client) this.client = null;
    return answer;
  }

  /** Sends one action outside the script (no crash expected); throws unless it is accepted. */
  async must(action: ClientAction): Promise<void> {
    const sent: Sent = { key: action.type, kind: "say", seq: ++this.seq, action };
    this.inFlight = sent;
    const answer = await this.send(sent);
    this.inFlight = null;
    if (answer.type !== "ack")
      throw new Error(`${this.label}: ${action.type} was not accepted: ${JSON.stringify(answer)}`);
  }

  /** Acts until `stop`, riding through server restarts. */
  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running || this.inFlight) {
        if (!this.client) {
          await this.rejoin();
          continue;
        }
        if (!this.inFlight) {
          if (!this.running) break;
          this.inFlight = { ...this.script(this.label, ++this.count), seq: ++this.seq };
          this.sent.push(this.inFlight);
        }
        const answer = await this.send(this.inFlight);
        if (answer.type === "ack") this.acked.push(this.inFlight);
        if (answer.type === "error") this.refused.push({ ...this.inFlight, code: answer.code });
        // Lost: keep it in flight and resend it, same seq, once the seat is back.
        if (answer.type !== "lost") this.inFlight = null;
        // Under the server's rate limit (5 a second, bursts of 20).
        await sleep(200 + Math.floor(this.random() * 200));
      }
    })();
  }

  /** Finishes the action in flight (the server must be up) and stops. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  async leave(): Promise<void> {
    await this.client?.leave();
  }
}
