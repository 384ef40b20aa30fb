import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/limits.ts";
import type { SessionState } from "../../shared/state.ts";
import { HOST, accepted, idOf, nextId, ok, refused, table, tableCard } from "../fixtures/mini-scenario.ts";

const messages = (s: SessionState, channel: string) => s.channels.find((c) => c.id === channel)?.messages ?? [];

describe("say", () => {
  it("posts on the floor with the speaker's name and delegation", () => {
    const t = table("opening");
    const id = nextId(t.state, "m");
    const { state, events } = accepted(t.state, t.amy, {
      type: "say",
      channel: "floor",
      text: "  We want an open Internet. ",
    });
    expect(messages(state, "floor")).toEqual([
      { id, seat: idOf(t.amy), name: "Amy", delegation: "usa", text: "We want an open Internet.", at: state.now },
    ]);
    expect(events[0]).toMatchObject({ type: "say", channel: "floor", audience: "all" });
  });
  it("team channels: the delegation and the host write; events reach only them", () => {
    const t = table("briefing");
    const { state, events } = accepted(t.state, t.lin, {
      type: "say",
      channel: "team-china",
      text: "Let us push sovereignty.",
    });
    expect(events[0]?.audience).toEqual([{ kind: "delegation", delegation: "china" }, { kind: "host" }]);
    ok(state, HOST, { type: "say", channel: "team-china", text: "Remember your red line." });
    refused(state, t.amy, { type: "say", channel: "team-china", text: "Let me in." }, "NOT_IN_CHANNEL");
  });
  it("briefing allows team channels only; announcements are the host's", () => {
    const t = table("briefing");
    expect(refused(t.state, t.amy, { type: "say", channel: "floor", text: "Hello all." }, "WRONG_PHASE")).toContain(
      "team channel",
    );
    ok(t.state, HOST, { type: "say", channel: "floor", text: "Read your briefs." });
    refused(table("negotiation").state, t.amy, { type: "say", channel: "announcements", text: "Listen!" }, "NOT_HOST");
    refused(t.state, t.amy, { type: "announce", text: "Listen to me!" }, "NOT_HOST");
    const announced = ok(t.state, HOST, { type: "announce", text: "Ten minutes left." });
    expect(messages(announced, "announcements").map((m) => [m.name, m.text])).toEqual([["Host", "Ten minutes left."]]);
  });
  it("refuses unknown channels and full channels", () => {
    const t = table("negotiation");
    refused(t.state, t.amy, { type: "say", channel: "c999", text: "Hi." }, "UNKNOWN_CHANNEL");
    let s = t.state;
    for (let i = 0; i < LIMITS.messagesPerChannel; i++)
      s = ok(s, t.amy, { type: "say", channel: "team-usa", text: `line ${i}` });
    refused(s, t.amy, { type: "say", channel: "team-usa", text: "One more." }, "TOO_MANY");
  });
});

describe("channel.open and private channels", () => {
  it("opens a private channel among the delegations, titled by their names", () => {
    const t = table("negotiation");
    const id = nextId(t.state, "c");
    const { state, events } = accepted(t.state, t.ivan, { type: "channel.open", with: ["china"] });
    expect(state.channels.at(-1)).toEqual({
      id,
      kind: "private",
      title: "China · Russia",
      members: ["china", "russia"],
      messages: [],
    });
    expect(events[0]?.audience).toEqual([
      { kind: "delegation", delegation: "china" },
      { kind: "delegation", delegation: "russia" },
      { kind: "host" },
    ]);
    const talked = ok(state, t.wei, { type: "say", channel: id, text: "Our deal stays between us." });
    expect(messages(talked, id)).toHaveLength(1);
    // Not yours and not there read the same, so a refusal does not tell which private channels exist.
    const none = refused(talked, t.amy, { type: "say", channel: "c999", text: "What deal?" }, "UNKNOWN_CHANNEL");
    expect(refused(talked, t.amy, { type: "say", channel: id, text: "What deal?" }, "UNKNOWN_CHANNEL")).toBe(none);
    expect(refused(talked, HOST, { type: "say", channel: id, text: "Hm." }, "UNKNOWN_CHANNEL")).toBe(none);
    expect(refused(talked, t.wei, { type: "channel.open", with: ["russia"] }, "ALREADY_DONE")).toContain(
      "China · Russia",
    );
  });
  it("keeps the host out of private events when the scenario says the host does not read them", () => {
    const t = table("negotiation", { hostReadsPrivateChannels: false });
    const { events } = accepted(t.state, t.ivan, { type: "channel.open", with: ["china"], title: "Back room" });
    expect(events[0]?.audience).toEqual([
      { kind: "delegation", delegation: "china" },
      { kind: "delegation", delegation: "russia" },
    ]);
  });
  it("follows the press rules: closed outside negotiation", () => {
    const t = table("negotiation");
    const id = nextId(t.state, "c");
    const s = ok(t.state, t.ivan, { type: "channel.open", with: ["usa"] });
    const later = ok(s, HOST, { type: "phase.next" });
    refused(later, t.ivan, { type: "say", channel: id, text: "Still here?" }, "PRIVATE_CHANNELS_CLOSED");
    refused(ok(t.state, HOST, { type: "phase.back" }), t.ivan, { type: "channel.open", with: ["usa"] }, "WRONG_PHASE");
  });
  it("refuses only its own delegation, unknown delegations, and too many channels", () => {
    const t = table("negotiation");
    refused(t.state, t.ivan, { type: "channel.open", with: ["russia"] }, "SAME_DELEGATION");
    refused(t.state, t.ivan, { type: "channel.open", with: ["atlantis"] }, "UNKNOWN_DELEGATION");
    // Fill the channel slots directly: three delegations can only form four distinct groups.
    const filler = Array.from({ length: LIMITS.privateChannelsPerSession }, (_, i) => ({
      id: `c${9000 + i}`,
      kind: "private" as const,
      title: `Group ${i}`,
      members: ["usa", `x${i}`],
      messages: [],
    }));
    const full: SessionState = { ...t.state, channels: [...t.state.channels, ...filler] };
    refused(full, t.ivan, { type: "channel.open", with: ["china"] }, "TOO_MANY");
  });
});

describe("inject.release", () => {
  it("releases news, flags the tabled provisions it bears on, and logs it", () => {
    const t = table("negotiation");
    const a = tableCard(t.state, t.wei, "sovereignty");
    const b = tableCard(a.state, t.amy, "free-flow");
    const { state, events } = accepted(b.state, HOST, { type: "inject.release", inject: "moscow-deal" });
    expect(state.injectsReleased).toEqual([{ inject: "moscow-deal", at: state.now }]);
    expect(state.provisions.map((p) => [p.id, p.flags])).toEqual([
      [a.provision, ["moscow-deal"]],
      [b.provision, []],
    ]);
    expect(events[0]).toMatchObject({
      type: "inject",
      text: "China and Russia sign a deal in Moscow",
      audience: "all",
    });
    expect(state.timeline.at(-1)?.text).toBe("News: China and Russia sign a deal in Moscow");
    refused(state, HOST, { type: "inject.release", inject: "moscow-deal" }, "INJECT_ALREADY_RELEASED");
    refused(state, HOST, { type: "inject.release", inject: "alien-contact" }, "UNKNOWN_INJECT");
  });
});
