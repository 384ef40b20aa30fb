// Issue 9, findings 6 and 7: guessing a seat is hopeless, and the limits that
// make it so never lock a class out. A real server behind a (simulated)
// reverse proxy, so each test client can come from its own address; real
// colyseus.js clients and HTTP look-ups, as the join page makes them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { AccordServer } from "../../server/app.ts";
import { DEFAULT_JOIN_LIMITS } from "../../server/limits/joins.ts";
import { CODE_ALPHABET, REJOIN_CODE_LENGTH } from "../../shared/ids.ts";
import type { JoinOptions } from "../../shared/protocol.ts";
import { Player, startServer, until } from "./harness.ts";

let server: AccordServer;
const opened: Player[] = [];

beforeAll(async () => {
  server = await startServer({ trustProxy: true });
});
afterAll(async () => {
  for (const p of opened) await p.leave();
  await server.close();
});

/** A colyseus.js client whose every request comes from `address` (as a reverse proxy would say). */
function clientFrom(address: string): Client {
  const client = new Client(server.url);
  (client as unknown as { http: { headers: Record<string, string> } }).http.headers = { "x-forwarded-for": address };
  return client;
}

async function joinFrom(address: string, code: string, options: JoinOptions, label: string): Promise<Player> {
  const room = await clientFrom(address).joinById(code, options);
  const player = Player.fromRoom(label, room);
  opened.push(player);
  await until(() => player.view !== null, `${label}'s first view`);
  return player;
}

/** The refusal code a join answers ("joined" if it got in). */
async function tryJoin(address: string, code: string, options: JoinOptions): Promise<string> {
  return clientFrom(address)
    .joinById(code, options)
    .then(
      async (room) => {
        await room.leave(true).catch(() => {});
        return "joined";
      },
      (e: Error) => /^([A-Z_]+):/.exec(e.message)?.[1] ?? e.message,
    );
}

const lookUp = async (address: string, code: string) =>
  (await fetch(`${server.url}/api/sessions/${code}`, { headers: { "x-forwarded-for": address } })).status;

/** A well-formed code that is not `avoid`. */
function otherCode(i: number, length: number, avoid: string): string {
  let code = "";
  for (let n = i, k = 0; k < length; k++, n = Math.floor(n / CODE_ALPHABET.length) + k * 7) {
    code += CODE_ALPHABET[n % CODE_ALPHABET.length];
  }
  return code === avoid ? otherCode(i + 1, length, avoid) : code;
}

describe("the arithmetic in docs/security.md", () => {
  it("one address guessing rejoin codes for 50 minutes expects to take fewer than one in a million of 400 seats", () => {
    const { wrongRejoinCodes, windowMs } = DEFAULT_JOIN_LIMITS;
    // A sliding window lets `wrongRejoinCodes` through in every window: at most this many in 50 minutes.
    const guesses = wrongRejoinCodes * Math.ceil((50 * 60_000) / windowMs + 1);
    const codes = CODE_ALPHABET.length ** REJOIN_CODE_LENGTH;
    expect((guesses * 400) / codes).toBeLessThan(1e-6);
  });
});

describe("guessing rejoin codes", () => {
  it("after the budget, even the right code is refused to that address; the seat stays its owner's", async () => {
    const { code, hostKey } = await server.createSession();
    const host = await joinFrom("198.51.100.1", code, { hostKey }, "host");
    const mei = await joinFrom("198.51.100.2", code, { name: "Mei" }, "mei");
    const meiCode = host.view!.seats.find((s) => s.name === "Mei")!.rejoinCode!;
    const guesser = "192.0.2.66";
    let refusedAsWrong = 0;
    for (let i = 0; i < DEFAULT_JOIN_LIMITS.wrongRejoinCodes + 5; i++) {
      const answer = await tryJoin(guesser, code, { rejoinCode: otherCode(i * 31 + 5, REJOIN_CODE_LENGTH, meiCode) });
      if (answer === "UNKNOWN_SEAT") refusedAsWrong++;
      else expect(answer).toBe("RATE_LIMITED");
    }
    // Only the budget's worth of codes was ever checked.
    expect(refusedAsWrong).toBe(DEFAULT_JOIN_LIMITS.wrongRejoinCodes);
    expect(await tryJoin(guesser, code, { rejoinCode: meiCode })).toBe("RATE_LIMITED");
    expect(mei.connected).toBe(true);
    expect(host.view!.seats.find((s) => s.name === "Mei")!.connected).toBe(true);
    // Someone else, from another address, reading the code with or without the dash, still gets the seat.
    const shown = `${meiCode.slice(0, 4)}-${meiCode.slice(4)}`.toLowerCase();
    const meiElsewhere = await joinFrom("198.51.100.3", code, { rejoinCode: shown }, "mei elsewhere");
    expect(meiElsewhere.seat).toBe(mei.seat);
    // The guessing address may still join by name: only its rejoin codes wait.
    expect(await tryJoin(guesser, code, { name: "Guesser" })).toBe("joined");
  });
});

describe("guessing session codes", () => {
  it("after the budget, codes new to the address are refused whether right or wrong", async () => {
    const { code } = await server.createSession();
    const guesser = "192.0.2.77";
    const budget = DEFAULT_JOIN_LIMITS.wrongSessionCodes;
    const answers = new Map<string, number>();
    for (let i = 0; i < budget + 10; i++) {
      const guess = otherCode(i * 13 + 1, 6, code);
      const answer = i % 2 ? String(await lookUp(guesser, guess)) : await rawJoin(guesser, guess);
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
    expect((answers.get("404") ?? 0) + (answers.get("UNKNOWN_SESSION") ?? 0)).toBe(budget);
    expect(await tryJoin(guesser, code, { name: "Guesser" })).toBe("RATE_LIMITED");
    expect(await lookUp(guesser, code)).toBe(429);
  });
});

describe("a school behind one address", () => {
  it("35 students mistyping twice all get in; a hammering classmate stops none of them; the host key always works", async () => {
    const school = "203.0.113.7";
    // The teacher made the session from home: the school's address has not reached it yet.
    const { code, hostKey } = await server.createSession();
    const students: Player[] = [];
    for (let i = 0; i < 35; i++) {
      // Two typos each, typed (the page looks the code up) and sent.
      for (const typo of [otherCode(i * 2 + 900, 6, code), otherCode(i * 2 + 901, 6, code)]) {
        expect(await lookUp(school, typo)).toBe(404);
        expect(await rawJoin(school, typo)).toBe("UNKNOWN_SESSION");
      }
      expect(await lookUp(school, code)).toBe(200);
      students.push(await joinFrom(school, code, { name: `Student ${i + 1}` }, `student ${i + 1}`));
    }
    expect(students.every((s) => s.connected)).toBe(true);

    // One classmate hammers wrong session codes and wrong rejoin codes, far past every budget.
    for (let i = 0; i < DEFAULT_JOIN_LIMITS.wrongSessionCodes + 50; i++)
      await rawJoin(school, otherCode(i + 5000, 6, code));
    for (let i = 0; i < DEFAULT_JOIN_LIMITS.wrongRejoinCodes + 5; i++) {
      await tryJoin(school, code, { rejoinCode: otherCode(i + 77, REJOIN_CODE_LENGTH, "") });
    }
    expect(await rawJoin(school, otherCode(9999, 6, code))).toBe("RATE_LIMITED");

    // Latecomers with the right code still get in; the host key and seat tokens always work.
    const late = await joinFrom(school, code, { name: "Latecomer" }, "latecomer");
    expect(late.seat).toMatch(/^s\d+$/);
    const host = await joinFrom(school, code, { hostKey }, "host");
    expect(host.welcome.role).toBe("host");
    const first = students[0]!;
    const again = await joinFrom(school, code, { seatToken: first.welcome.seatToken! }, "student 1 again");
    expect(again.seat).toBe(first.seat);
    expect(host.view!.seats.filter((s) => s.role === "delegate")).toHaveLength(36);
  }, 60_000);
});

/** A join as colyseus.js sends it, reduced to its refusal code ("reserved" when a seat was reserved). */
async function rawJoin(address: string, code: string): Promise<string> {
  const res = await fetch(`${server.url}/matchmake/joinById/${code}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ name: "Someone" }),
  });
  const body = (await res.json()) as { error?: string };
  return body.error ? (/^([A-Z_]+):/.exec(body.error)?.[1] ?? body.error) : "reserved";
}
