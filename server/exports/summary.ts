// One line in plain words per journaled action, for the actions CSV and the
// report's record. Names come from the session's final state.
import type { Actor, Command } from "../../shared/rules/api.ts";
import type { SessionState } from "../../shared/state.ts";

export interface Names {
  delegation(id: string): string;
  seat(id: string): string;
  provision(id: string): string;
  instrument(id: string): string;
  card(id: string): string;
  inject(id: string): string;
}

export function namesOf(state: SessionState): Names {
  const find = <T extends { id: string }>(items: readonly T[], id: string) => items.find((x) => x.id === id);
  return {
    delegation: (id) => find(state.scenario.delegations, id)?.name ?? id,
    seat: (id) => find(state.seats, id)?.name ?? id,
    provision: (id) => find(state.provisions, id)?.title ?? id,
    instrument: (id) => find(state.instruments, id)?.title ?? id,
    card: (id) => find(state.scenario.cards, id)?.title ?? id,
    inject: (id) => find(state.scenario.injects, id)?.headline ?? id,
  };
}

export function actorName(actor: Actor, names: Names): string {
  return actor.kind === "system" ? "server" : names.seat(actor.seat);
}

const quoted = (s: string) => `“${s}”`;

export function summarizeCommand(c: Command, n: Names): string {
  switch (c.type) {
    case "phase.next":
      return "moved to the next phase";
    case "phase.back":
      return "went back a phase";
    case "timer.start":
      return c.minutes === undefined ? "started the timer" : `started a ${c.minutes}-minute timer`;
    case "timer.extend":
      return `extended the timer by ${c.minutes} min`;
    case "timer.pause":
      return "paused the timer";
    case "timer.resume":
      return "resumed the timer";
    case "timer.stop":
      return "stopped the timer";
    case "timer.deadline":
      return "the timer ran out";
    case "amendment.consent":
      return "the deadline for silent consent passed";
    case "timer.restore":
      return `timer restored after a restart with ${Math.round(c.remainingMs / 1000)} s left`;
    case "session.lock":
      return c.locked ? "locked joining" : "opened joining";
    case "session.end":
      return "ended the session";
    case "session.adjourn":
      return c.adjourned ? "adjourned the session until the next lesson" : "reconvened the session";
    case "seat.rename":
      return `renamed seat ${c.seat} to ${c.name}`;
    case "announce":
      return `announced: ${c.text}`;
    case "inject.release":
      return `released the news ${quoted(n.inject(c.inject))}`;
    case "seat.join":
      return `${c.name} joined as ${c.role}${c.delegation ? ` for ${n.delegation(c.delegation)}` : ""}`;
    case "seat.connect":
      return `${n.seat(c.seat)} connected`;
    case "seat.disconnect":
      return `${n.seat(c.seat)} lost the connection`;
    case "seat.leave":
      return `${n.seat(c.seat)} left`;
    case "seat.move":
      return `moved ${n.seat(c.seat)} to ${n.delegation(c.delegation)}`;
    case "seat.makeHead":
      return `made ${n.seat(c.seat)} head of delegation`;
    case "seat.job":
      return `made ${n.seat(c.seat)} the ${c.job}`;
    case "seat.hand":
      return `handed ${n.seat(c.seat)}'s seat to a new device`;
    case "seat.kick":
      return `removed ${n.seat(c.seat)}`;
    case "amendment.close":
      return `closed the vote on amendment ${c.amendment}`;
    case "bracket.resolve":
      return `${c.how === "drop" ? "dropped" : "put to a vote"} the brackets of ${quoted(n.provision(c.provision))}`;
    case "vote.close":
      return `closed the vote on ${quoted(n.provision(c.provision))}`;
    case "instrument.freeze":
      return `froze the text of ${quoted(n.instrument(c.instrument))}`;
    case "instrument.unfreeze":
      return `unfroze the text of ${quoted(n.instrument(c.instrument))}`;
    case "provision.retag":
      return `re-tagged ${quoted(n.provision(c.provision))}: ${c.tags.join(", ") || "no tags"}`;
    case "instrument.open":
      return `opened ${quoted(c.title)} between ${c.parties.map(n.delegation).join(", ")}`;
    case "provision.table":
      return `tabled the card ${quoted(n.card(c.card))} in ${quoted(n.instrument(c.instrument))}`;
    case "provision.draft":
      return `drafted ${quoted(c.title)} in ${quoted(n.instrument(c.instrument))}: ${c.text}`;
    case "provision.withdraw":
      return `withdrew ${quoted(n.provision(c.provision))}`;
    case "stance.set":
      return `${c.stance ?? "no stance"} on ${quoted(n.provision(c.provision))}`;
    case "amendment.propose":
      return `proposed an amendment to ${quoted(n.provision(c.provision))}${"text" in c.edit ? `: ${c.edit.text}` : ""}${c.tags ? ` (tags: ${c.tags.join(", ") || "none"})` : ""}`;
    case "amendment.withdraw":
      return `withdrew amendment ${c.amendment}`;
    case "amendment.vote":
      return `voted ${c.vote} on amendment ${c.amendment}`;
    case "vote.cast":
      return `voted ${c.vote} on ${quoted(n.provision(c.provision))}`;
    case "sign":
      return `signed ${quoted(n.instrument(c.instrument))} (version ${c.version})`;
    case "sign.decline":
      return `declined to sign ${quoted(n.instrument(c.instrument))}, for now`;
    case "channel.open":
      return `opened a channel with ${c.with.map(n.delegation).join(", ")}`;
    case "say":
      return `said in ${c.channel}: ${c.text}`;
    case "computer.on":
      return `switched on the computer for ${n.delegation(c.delegation)} (${c.difficulty})`;
    case "computer.off":
      return `switched off the computer for ${n.delegation(c.delegation)}`;
    case "chair.auto":
      return c.on ? "let the computer chair the session" : "took the chair back from the computer";
    case "reflection.answer":
      return `answered debrief question ${c.question + 1}: ${c.text}`;
    case "reflection.show":
      return c.shown ? "showed the class's answers on the projector, without names" : "hid the class's answers";
  }
}
