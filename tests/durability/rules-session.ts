// A whole session played through the real rules, from createSession to the
// debrief, with hostile text in it: what the exports are checked against.
// Every action must be accepted; a refusal fails loudly with its code.
import { applyAction, createSession } from "../../shared/rules/index.ts";
import type { Actor, Command } from "../../shared/rules/api.ts";
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../../server/store/types.ts";
import { FORMULA, HOST_KEY, NASTY, scenario, sha256, T_START } from "./fixtures.ts";

export function rulesBuiltDebrief(): Promise<{ state: SessionState; entries: JournalEntry[] }> {
  let state = createSession({
    scenario,
    code: "ACDEFG",
    now: T_START,
    hostTokenHash: sha256(HOST_KEY),
    hostRejoinCode: "H3MK",
  });
  const entries: JournalEntry[] = [];
  let clock = T_START;

  const act = (actor: Actor, command: Command, fresh?: { tokenHash: string; rejoinCode: string }) => {
    clock += 7_000;
    const ctx = { now: clock, ...(fresh ? { fresh } : {}) };
    const result = applyAction(state, actor, command, ctx);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.code} ${result.message}`);
    state = result.state;
    entries.push({ seq: entries.length + 1, actor, command, ctx });
  };
  const host: Actor = { kind: "seat", seat: "s1" };
  const system: Actor = { kind: "system" };
  const seatNamed = (name: string): Actor => ({ kind: "seat", seat: state.seats.find((s) => s.name === name)!.id });
  const provisionTitled = (title: string) => state.provisions.find((p) => p.title === title)!;

  act(
    system,
    { type: "seat.join", role: "delegate", name: "Mei", delegation: "china" },
    { tokenHash: sha256("token-of-mei-0123456789ab"), rejoinCode: "K7QX" },
  );
  act(
    system,
    { type: "seat.join", role: "delegate", name: "Sam =1+1", delegation: "usa" },
    { tokenHash: sha256("token-of-sam-0123456789ab"), rejoinCode: "K7QY" },
  );
  const mei = seatNamed("Mei");
  const sam = seatNamed("Sam =1+1");
  act(host, { type: "phase.next" });
  act(host, { type: "phase.next" });
  act(mei, { type: "provision.table", instrument: "code", card: "infrastructure" });
  act(sam, { type: "provision.draft", instrument: "code", title: "Hostile *markup*", text: NASTY, tags: [] });
  act(mei, { type: "instrument.open", title: '@Bilateral, "agreement"', parties: ["china", "usa"] });
  const bilateral = state.instruments.find((i) => i.kind === "agreement")!.id;
  act(mei, { type: "provision.draft", instrument: bilateral, title: "Spreadsheet", text: FORMULA, tags: [] });
  const grids = provisionTitled("Critical infrastructure off limits");
  act(sam, {
    type: "amendment.propose",
    provision: grids.id,
    baseVersion: 1,
    edit: { kind: "insert", at: grids.versions[0]!.text.split(" ").length, text: "or <water>" },
  });
  const amendment = state.amendments.at(-1)!;
  if (amendment.status === "pending") act(mei, { type: "amendment.vote", amendment: amendment.id, vote: "yes" });
  act(sam, { type: "stance.set", provision: grids.id, stance: "support" });
  act(mei, { type: "stance.set", provision: provisionTitled("Hostile *markup*").id, stance: "reservation" });
  act(mei, { type: "say", channel: "floor", text: NASTY });
  act(host, { type: "phase.next" });
  act(host, { type: "instrument.freeze", instrument: "code" });
  act(host, { type: "instrument.freeze", instrument: bilateral });
  act(host, { type: "phase.next" });
  for (const who of [mei, sam]) {
    act(who, {
      type: "sign",
      instrument: "code",
      version: state.instruments.find((i) => i.id === "code")!.frozen!.version,
    });
  }
  act(mei, {
    type: "sign",
    instrument: bilateral,
    version: state.instruments.find((i) => i.id === bilateral)!.frozen!.version,
  });
  act(host, { type: "phase.next" });
  if (state.phase !== "debrief" || !state.debrief)
    throw new Error(`the session did not reach the debrief (phase ${state.phase})`);
  return Promise.resolve({ state, entries });
}
