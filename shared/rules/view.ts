// What one audience may see. Secrets leave through here and nowhere else:
// other delegations' briefs, unreleased injects, private channels, seat secrets.
// Unchanged parts keep their identity between calls, so the server can diff
// views by reference.
import type { Delegation, Scenario } from "../scenario.ts";
import type { Channel, Seat, SessionState } from "../state.ts";
import type { Audience, DelegationView, PublicSeat, ScenarioView, SessionView } from "../view.ts";
import type { SeatId } from "../ids.ts";
import { seatOf } from "./lookup.ts";
import { standingOf } from "./standing.ts";
import { shownReflections } from "./reflection.ts";

export function audienceOf(state: SessionState, seatId: SeatId): Audience {
  return audienceOfSeat(seatOf(state, seatId));
}

/** The audience of a seat already in hand (the server's fan-out looks at every seat on every action). */
export function audienceOfSeat(seat: Seat | undefined): Audience {
  if (seat?.role === "host") return { kind: "host" };
  if (seat?.role === "delegate" && seat.delegation) return { kind: "delegation", delegation: seat.delegation };
  return { kind: "observer" };
}

/** One string per audience: delegates of one delegation share it. */
export const audienceKey = (a: Audience): string => (a.kind === "delegation" ? `d:${a.delegation}` : a.kind);

const briefless = new WeakMap<Delegation, DelegationView>();
function withoutBrief(d: Delegation): DelegationView {
  let view = briefless.get(d);
  if (!view) {
    const { brief: _secret, ...rest } = d;
    view = rest;
    briefless.set(d, view);
  }
  return view;
}

const scenarioViews = new WeakMap<Scenario, Map<string, ScenarioView>>();
function scenarioFor(s: SessionState, audience: Audience, revealed: boolean): ScenarioView {
  if (audience.kind === "host") return s.scenario;
  const released = s.injectsReleased.map((r) => r.inject);
  const key = `${audienceKey(audience)}|${revealed}|${released.join(",")}`;
  let views = scenarioViews.get(s.scenario);
  if (!views) scenarioViews.set(s.scenario, (views = new Map()));
  let view = views.get(key);
  if (!view) {
    const own = audience.kind === "delegation" ? audience.delegation : null;
    view = {
      ...s.scenario,
      delegations: s.scenario.delegations.map((d) => (revealed || d.id === own ? d : withoutBrief(d))),
      injects: s.scenario.injects.filter((i) => released.includes(i.id)),
    };
    views.set(key, view);
  }
  return view;
}

const publicSeats = new WeakMap<Seat, Map<string, PublicSeat>>();
function publicSeat(seat: Seat, isHead: boolean, forHost: boolean): PublicSeat {
  const key = `${isHead}|${forHost}`;
  let views = publicSeats.get(seat);
  if (!views) publicSeats.set(seat, (views = new Map()));
  let view = views.get(key);
  if (!view) {
    const { token: _t, rejoinCode, lastSeq: _l, ...rest } = seat;
    view = forHost ? { ...rest, isHead, rejoinCode } : { ...rest, isHead };
    views.set(key, view);
  }
  return view;
}

const seatLists = new WeakMap<Seat[], Map<string, { heads: SessionState["heads"]; seats: PublicSeat[] }>>();
function seatsFor(s: SessionState, forHost: boolean): PublicSeat[] {
  const key = String(forHost);
  let lists = seatLists.get(s.seats);
  if (!lists) seatLists.set(s.seats, (lists = new Map()));
  const cached = lists.get(key);
  if (cached && cached.heads === s.heads) return cached.seats;
  const heads = new Set(Object.values(s.heads));
  const seats = s.seats.map((seat) => publicSeat(seat, heads.has(seat.id), forHost));
  lists.set(key, { heads: s.heads, seats });
  return seats;
}

/** Whether the host reads a members-only channel: the scenario says, per kind, and students are told so. */
export function hostReads(s: SessionState, channel: Channel): boolean {
  return channel.kind === "team" ? s.scenario.hostReadsTeamChannels : s.scenario.hostReadsPrivateChannels;
}

function canRead(s: SessionState, audience: Audience, channel: Channel, revealed: boolean): boolean {
  if (channel.members === null || revealed) return true;
  if (audience.kind === "host") return hostReads(s, channel);
  if (audience.kind === "observer") return false;
  return channel.members.includes(audience.delegation);
}

const channelLists = new WeakMap<Channel[], Map<string, Channel[]>>();
function channelsFor(s: SessionState, audience: Audience, revealed: boolean): Channel[] {
  if (s.channels.every((c) => canRead(s, audience, c, revealed))) return s.channels;
  const key = audienceKey(audience);
  let lists = channelLists.get(s.channels);
  if (!lists) channelLists.set(s.channels, (lists = new Map()));
  let list = lists.get(key);
  if (!list) lists.set(key, (list = s.channels.filter((c) => canRead(s, audience, c, revealed))));
  return list;
}

export function viewFor(state: SessionState, audience: Audience): SessionView {
  const {
    scenario: _s,
    seats: _seats,
    channels: _c,
    nextId: _n,
    reflections,
    reflectionsShown: _shown,
    ...rest
  } = state;
  const revealed = state.phase === "debrief";
  return {
    ...rest,
    debrief: revealed ? state.debrief : null,
    audience,
    scenario: scenarioFor(state, audience, revealed),
    seats: seatsFor(state, audience.kind === "host"),
    // The host may have chosen, when hosting, that the debrief keeps team and private lines to their members.
    channels: channelsFor(state, audience, revealed && state.lesson?.revealChannels !== false),
    revealed,
    ...(audience.kind === "delegation" ? { standing: standingOf(state, audience.delegation) } : {}),
    // Answers with names are the host's alone; the class sees them only as the host shows them, without names.
    ...(audience.kind === "host" && reflections ? { reflections } : {}),
    ...(revealed && state.reflectionsShown ? { shownReflections: shownReflections(state) } : {}),
  };
}
