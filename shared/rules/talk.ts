// Talk: the public floor, host announcements, each delegation's team channel,
// and private channels among delegations (opened under the phase's press rules).
import { LIMITS } from "../limits.ts";
import { hasVisible } from "../visible.ts";
import type { Channel, ChatMessage, SessionState } from "../state.ts";
import type { Audience } from "../view.ts";
import { accept, event, mine, type ActionOf, type Handler, type Who } from "./context.ts";
import { channelOf, delegationOf, mint, nameOf } from "./lookup.ts";
import { planOf } from "./phases.ts";
import { phaseTitle } from "./phase-table.ts";
import { refuse } from "./refuse.ts";
import { hostReads } from "./view.ts";
import { privacyOf, privacyWords } from "../privacy.ts";

/** Who may read a channel, as event audiences. */
export function channelAudience(s: SessionState, channel: Channel): Audience[] | "all" {
  if (channel.members === null) return "all";
  const members: Audience[] = channel.members.map((delegation) => ({ kind: "delegation", delegation }));
  return hostReads(s, channel) ? [...members, { kind: "host" }] : members;
}

const privateOpen = (s: SessionState) => planOf(s, s.phase)?.privateChannels === true;
const pressClosed = (s: SessionState) =>
  refuse(
    "PRIVATE_CHANNELS_CLOSED",
    `Private channels are closed during ${phaseTitle(s.phase)}. Talk on the floor or in your team channel.`,
  );

/** Appends a message to a channel, or refuses when the channel is full. */
function posted(s: SessionState, channel: Channel, w: Who, text: string) {
  const clean = text.trim();
  const max = channel.kind === "announcements" ? LIMITS.announcement : LIMITS.chatLine;
  if (clean.length === 0 || clean.length > max || !hasVisible(clean))
    return refuse("BAD_MESSAGE", `A message needs 1 to ${max} characters, at least one of them one you can see.`);
  if (channel.messages.length >= LIMITS.messagesPerChannel)
    return refuse("TOO_MANY", `${channel.title} is full (${LIMITS.messagesPerChannel} messages). Use another channel.`);
  const { id, nextId } = mint(s, "m");
  const seat = w.seat!;
  const message: ChatMessage = {
    id,
    seat: seat.id,
    name: seat.name,
    delegation: seat.delegation,
    text: clean,
    at: w.t,
  };
  const state: SessionState = {
    ...s,
    nextId,
    channels: s.channels.map((c) => (c === channel ? { ...c, messages: [...c.messages, message] } : c)),
  };
  return accept(state, [
    event(
      "say",
      `${seat.name} in ${channel.title}: ${clean}`,
      { channel: channel.id, message: id },
      channelAudience(s, channel),
    ),
  ]);
}

/**
 * One answer for a channel that does not exist and a private channel the
 * writer is not in, so a refusal never tells which private channels exist.
 */
const noSuchChannel = () =>
  refuse("UNKNOWN_CHANNEL", "There is no channel with that name that you can write in. Pick one from your list.");

export const say: Handler<ActionOf<"say">> = (s, a, w) => {
  const channel = channelOf(s, a.channel);
  if (!channel) return noSuchChannel();
  const seat = w.seat!;
  if (seat.role === "host") {
    if (channel.kind === "private") return noSuchChannel();
    return posted(s, channel, w, a.text);
  }
  const own = mine(w);
  if (channel.kind === "announcements")
    return refuse("NOT_HOST", "Only the host can post announcements. Talk on the floor instead.");
  if (channel.kind === "private" && !channel.members?.includes(own)) return noSuchChannel();
  // Team channels are no secret (one per delegation): saying so is fine.
  if (channel.members !== null && !channel.members.includes(own))
    return refuse("NOT_IN_CHANNEL", `${nameOf(s, own)} is not in that team's channel.`);
  if (s.phase === "briefing" && channel.kind !== "team")
    return refuse("WRONG_PHASE", "During Briefing you can talk only in your team channel.");
  if (channel.kind === "private" && !privateOpen(s)) return pressClosed(s);
  return posted(s, channel, w, a.text);
};

export const announce: Handler<ActionOf<"announce">> = (s, a, w) => {
  const channel = channelOf(s, "announcements");
  if (!channel) return refuse("INTERNAL", "The announcements channel is missing.");
  return posted(s, channel, w, a.text);
};

export const channelOpen: Handler<ActionOf<"channel.open">> = (s, a, w) => {
  const own = mine(w);
  const unknown = a.with.find((d) => !delegationOf(s, d));
  if (unknown !== undefined) return refuse("UNKNOWN_DELEGATION", `"${unknown}" is not a delegation in this scenario.`);
  if (!a.with.some((d) => d !== own))
    return refuse("SAME_DELEGATION", "A private channel needs at least one other delegation.");
  if (!privateOpen(s)) return pressClosed(s);
  const wanted = new Set([own, ...a.with]);
  const members = s.scenario.delegations.map((d) => d.id).filter((d) => wanted.has(d));
  const same = s.channels.find(
    (c) => c.kind === "private" && c.members?.length === members.length && members.every((m) => c.members!.includes(m)),
  );
  if (same)
    return refuse(
      "ALREADY_DONE",
      `You already have a private channel with exactly these delegations: "${same.title}".`,
    );
  if (s.channels.filter((c) => c.kind === "private").length >= LIMITS.privateChannelsPerSession)
    return refuse(
      "TOO_MANY",
      `There are already ${LIMITS.privateChannelsPerSession} private channels. Use one of them.`,
    );
  const { id, nextId } = mint(s, "c");
  const title = a.title?.trim() || members.map((d) => nameOf(s, d)).join(" · ");
  const channel: Channel = { id, kind: "private", title, members, messages: [] };
  return accept({ ...s, nextId, channels: [...s.channels, channel] }, [
    event(
      "channel.open",
      `${nameOf(s, own)} opened a private channel: ${title}. ${privacyWords(privacyOf(s))}`,
      { channel: id },
      channelAudience(s, channel),
    ),
  ]);
};
