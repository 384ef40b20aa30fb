// The computer delegation's policy, pure: from what its own delegation may see
// (its audience's view, which holds its own brief and nobody else's), its
// difficulty and a seed, the next action a student's seat could send and one
// line explaining it in plain words. Nothing here reads another delegation's
// brief: the view does not hold one before the debrief.
import type { ClientAction, Stance, Vote } from "../protocol.ts";
import type { Brief } from "../scenario.ts";
import type { Amendment, Provision } from "../state.ts";
import type { SessionView } from "../view.ts";
import { currentText, currentVersion, isBracketed } from "../rules/provision-reading.ts";
import type { Difficulty } from "./difficulty.ts";
import { STYLES, type Style } from "./style.ts";
import { tagWords, walkAwayOf, worthOf, worthOfText, type Reading } from "./worth.ts";
import { deletionAbout } from "./compromise.ts";
import { answerTo } from "./answer.ts";
import { seeded, seedOf } from "../seeded.ts";

export interface BotSelf {
  delegation: string;
  seat: string;
  difficulty: Difficulty;
  seed: number;
}

/** What the delegation remembers between moves (the driver keeps it). */
export interface BotMemory {
  /** Keys of moves already made or refused: a move is tried once. */
  done: Set<string>;
  /** Rounds in this phase with nothing else to do: firmness runs out with them. */
  idle: number;
  phase: string;
}

export const freshMemory = (): BotMemory => ({ done: new Set(), idle: 0, phase: "" });

export interface Move {
  action: ClientAction;
  /** One line for the floor, in plain words (null: the action speaks for itself). */
  line: string | null;
  /** Identifies the move, so it is not tried twice. */
  key: string;
}

const q = (title: string) => `“${title}”`;

interface Ctx {
  view: SessionView;
  self: BotSelf;
  me: string;
  brief: Brief;
  style: Style;
  memory: BotMemory;
  isHead: boolean;
}

/** The next move, or null when there is nothing to do now. */
export function decide(view: SessionView, self: BotSelf, memory: BotMemory): Move | null {
  const own = view.scenario.delegations.find((d) => d.id === self.delegation);
  if (!own?.brief || view.ended) return null;
  if (memory.phase !== view.phase) {
    memory.phase = view.phase;
    memory.idle = 0;
  }
  const c: Ctx = {
    view,
    self,
    me: own.name,
    brief: own.brief,
    style: STYLES[self.difficulty],
    memory,
    isHead: view.heads[self.delegation] === self.seat,
  };
  const steps: ((c: Ctx) => Move | null)[] =
    view.phase === "opening"
      ? [openingStatement]
      : view.phase === "negotiation"
        ? [answerChannels, tableCards, takeStances, voteAmendments, proposeCompromise]
        : view.phase === "final-text"
          ? [answerChannels, castVotes]
          : view.phase === "signing"
            ? [signOrSayWhy]
            : [];
  for (const step of steps) {
    const move = step(c);
    if (move && !memory.done.has(move.key)) return move;
  }
  return null;
}

const fresh = (c: Ctx, move: Move | null): Move | null => (move && !c.memory.done.has(move.key) ? move : null);

function openingStatement(c: Ctx): Move | null {
  const own = c.view.scenario.delegations.find((d) => d.id === c.self.delegation)!;
  const sentences = (own.publicPosition.match(/[^.!?]+[.!?]/g) ?? [own.publicPosition]).map((x) => x.trim());
  // Its public position, not its brief: as much of it as fits in one chat line.
  let text = sentences[0]!.slice(0, 280);
  for (const next of sentences.slice(1)) if (text.length + next.length + 1 <= 280) text += ` ${next}`;
  return fresh(c, { action: { type: "say", channel: "floor", text }, line: null, key: "opening" });
}

const code = (c: Ctx) => c.view.instruments.find((i) => i.kind === "code");
const onTable = (c: Ctx): Provision[] =>
  c.view.provisions.filter((p) => {
    const i = c.view.instruments.find((x) => x.id === p.instrument);
    return p.status === "tabled" && i && !i.frozen && (i.parties === null || i.parties.includes(c.self.delegation));
  });

function tableCards(c: Ctx): Move | null {
  const instrument = code(c);
  if (!instrument || instrument.frozen) return null;
  const tabledHere = new Set(
    c.view.provisions.filter((p) => p.instrument === instrument.id && p.status !== "withdrawn").map((p) => p.card),
  );
  const mine = c.view.provisions.filter((p) => p.tabledBy === c.self.delegation && p.card !== null).length;
  if (mine >= c.style.tables) return null;
  const rng = seeded(seedOf(c.self.seed, "table", mine));
  const ranked = c.view.scenario.cards
    .map((card) => ({ card, worth: worthOf(c.view.scenario, c.brief, { card: card.id, tags: card.tags }), tie: rng() }))
    .filter((x) => x.worth.value > 0 && x.worth.redLines.length === 0 && !tabledHere.has(x.card.id))
    .filter((x) => !c.memory.done.has(`table:${x.card.id}`))
    .sort((a, b) => b.worth.value - a.worth.value || a.tie - b.tie);
  const best = ranked[0];
  if (!best) return null;
  return {
    action: { type: "provision.table", instrument: instrument.id, card: best.card.id },
    line: `${c.me} tables ${q(best.card.title)}: it is among what ${c.me} came here for.`,
    key: `table:${best.card.id}`,
  };
}

const readingOf = (c: Ctx, p: Provision): Reading => worthOf(c.view.scenario, c.brief, { card: p.card, tags: p.tags });

/** The stance the delegation wants on a provision now, and why, in plain words. */
function wantedStance(c: Ctx, p: Provision): { stance: Stance; why: string } {
  const r = readingOf(c, p);
  if (r.redLines.length > 0)
    return { stance: "objection", why: `this text crosses its red line on ${tagWords(r.redLines[0]!)}` };
  if (r.value <= c.style.objectAt) {
    if (c.memory.idle >= c.style.concedeAfter)
      return { stance: "reservation", why: "it does not like this text, but will not block it" };
    return { stance: "objection", why: "this text works against what it needs" };
  }
  if (r.value > 0) return { stance: "support", why: "this text gives it something it needs" };
  if (r.value < 0) return { stance: "reservation", why: "this text costs it something" };
  return c.style.neutral === "support"
    ? { stance: "support", why: "it can live with this text" }
    : { stance: "reservation", why: "this text does nothing for it" };
}

const STANCE_VERB: Record<Stance, string> = {
  sponsor: "sponsors",
  support: "supports",
  reservation: "has reservations about",
  objection: "objects to",
};

function takeStances(c: Ctx): Move | null {
  for (const p of onTable(c)) {
    if (p.tabledBy === c.self.delegation) continue;
    const { stance, why } = wantedStance(c, p);
    const now = p.stances[c.self.delegation] ?? null;
    if (now === stance) continue;
    const move = fresh(c, {
      action: { type: "stance.set", provision: p.id, stance },
      line: `${c.me} ${STANCE_VERB[stance]} ${q(p.title)}: ${why}.`,
      key: `stance:${p.id}:${currentVersion(p)}:${stance}`,
    });
    if (move) return move;
  }
  return null;
}

/** The tags an amendment leaves on its provision: the ones it states, else the provision's own. */
const tagsAfter = (a: Amendment, p: Provision): string[] => a.tags ?? p.tags;

/** The red-line tags other delegations have said block this provision (each objects and named its red line). */
function blockingTags(c: Ctx, p: Provision): string[] {
  if (!isBracketed(p)) return [];
  return Object.entries(p.stances)
    .filter(([d, s]) => s === "objection" && d !== c.self.delegation)
    .map(([d]) => statedRedLine(c, d, p))
    .filter((t): t is string => t !== null && p.tags.includes(t));
}

/** Whether it counts a blocked text as lost already, and so weighs a compromise against nothing rather than the text. */
const countsAsLost = (c: Ctx) =>
  c.style.compromise === "always" || (c.style.compromise === "under-consensus" && c.view.decisionRule === "consensus");

function amendmentVote(c: Ctx, a: Amendment, p: Provision): { vote: Vote; why: string } {
  const after = worthOf(c.view.scenario, c.brief, { card: p.card, tags: tagsAfter(a, p) });
  const current = readingOf(c, p);
  const newLines = after.redLines.filter((t) => !current.redLines.includes(t));
  if (newLines.length > 0) return { vote: "no", why: `it would cross its red line on ${tagWords(newLines[0]!)}` };
  if (after.redLines.length < current.redLines.length)
    return { vote: "yes", why: "it takes out what crossed its red line" };
  // A text blocked by another's red line is as good as lost: a compromise that unblocks it is weighed against nothing.
  const unblocks = blockingTags(c, p).some((t) => !tagsAfter(a, p).includes(t)) && countsAsLost(c);
  if (unblocks && after.value >= Math.min(current.value, 0))
    return { vote: "yes", why: "it takes out what another delegation could not accept, and the rest can stand" };
  if (after.value > current.value) return { vote: "yes", why: "it makes the text better for it" };
  if (after.value < current.value) return { vote: "no", why: "it takes away something it needs" };
  return c.style.evenAmendment === "yes"
    ? { vote: "yes", why: "it changes nothing it cares about and may bring others on board" }
    : { vote: "abstain", why: "it changes nothing it cares about" };
}

function voteAmendments(c: Ctx): Move | null {
  for (const a of c.view.amendments) {
    if (a.status !== "pending" || a.votes[c.self.delegation] !== undefined) continue;
    const p = onTable(c).find((x) => x.id === a.provision);
    if (!p) continue;
    const { vote, why } = amendmentVote(c, a, p);
    const move = fresh(c, {
      action: { type: "amendment.vote", amendment: a.id, vote },
      line: `${c.me} votes ${vote} on the amendment to ${q(p.title)}: ${why}.`,
      key: `amend-vote:${a.id}`,
    });
    if (move) return move;
  }
  return null;
}

/** What an objecting delegation said its objection is about, from its own words on the floor. */
function statedRedLine(c: Ctx, objector: string, p: Provision): string | null {
  const floor = c.view.channels.find((x) => x.id === "floor");
  const title = q(p.title);
  for (const m of [...(floor?.messages ?? [])].reverse()) {
    if (m.delegation !== objector || !m.text.includes(title)) continue;
    const said = /red line on ([a-z -]+)/.exec(m.text)?.[1]?.trim();
    if (said) return said.replace(/ /g, "-");
  }
  return null;
}

function proposeCompromise(c: Ctx): Move | null {
  for (const p of onTable(c)) {
    if (!isBracketed(p)) continue;
    const mineWorth = readingOf(c, p);
    if (mineWorth.value <= 0 || mineWorth.redLines.length > 0) continue;
    if (c.view.amendments.some((a) => a.provision === p.id && a.status === "pending")) continue;
    const objectors = Object.entries(p.stances)
      .filter(([d, s]) => s === "objection" && d !== c.self.delegation)
      .map(([d]) => d);
    for (const objector of objectors) {
      // Only a red line the objector stated in public: guessing at another delegation's brief would be cheating.
      const tag = statedRedLine(c, objector, p);
      const valued = c.brief.priorities.some((x) => x.tag === tag && x.weight > 0);
      if (!tag || valued || !p.tags.includes(tag) || !countsAsLost(c)) continue;
      const edit = deletionAbout(currentText(p), tag);
      if (!edit) continue;
      // Offered once, and only if what is left crosses none of its own red lines and still counts for something.
      const tags = p.tags.filter((t) => t !== tag);
      const after = worthOf(c.view.scenario, c.brief, { card: p.card, tags });
      if (after.redLines.length > 0 || after.value < 0) continue;
      const offered = c.view.amendments.some(
        (a) =>
          a.provision === p.id &&
          a.baseVersion === currentVersion(p) &&
          JSON.stringify(a.edit) === JSON.stringify(edit),
      );
      if (offered) continue;
      const name = c.view.scenario.delegations.find((d) => d.id === objector)?.name ?? objector;
      const move = fresh(c, {
        action: {
          type: "amendment.propose",
          provision: p.id,
          baseVersion: currentVersion(p),
          edit,
          note: `A compromise: the words on ${tagWords(tag)} go, so ${name} can accept the rest.`,
          tags,
        },
        line: `${c.me} proposes to delete the words on ${tagWords(tag)} from ${q(p.title)}, so ${name} can accept the rest.`,
        key: `compromise:${p.id}:${currentVersion(p)}`,
      });
      if (move) return move;
    }
  }
  return null;
}

function answerChannels(c: Ctx): Move | null {
  for (const channel of c.view.channels) {
    if (channel.kind !== "private" || !channel.members?.includes(c.self.delegation)) continue;
    const last = channel.messages[channel.messages.length - 1];
    // Answer the latest question from another delegation, once; the conversation is theirs to lead.
    if (!last || last.delegation === c.self.delegation || last.delegation === null) continue;
    const move = fresh(c, {
      action: { type: "say", channel: channel.id, text: answerTo(c.view, c.brief, c.me, last.text) },
      line: null,
      key: `answer:${last.id}`,
    });
    if (move) return move;
  }
  return null;
}

function castVotes(c: Ctx): Move | null {
  if (!c.isHead) return null;
  for (const p of c.view.provisions) {
    if (!p.vote || p.vote.votes[c.self.delegation] !== undefined) continue;
    const i = c.view.instruments.find((x) => x.id === p.instrument);
    if (!i || (i.parties !== null && !i.parties.includes(c.self.delegation))) continue;
    const r = readingOf(c, p);
    const keep = r.redLines.length === 0 && r.value >= c.style.keepFrom;
    const why =
      r.redLines.length > 0
        ? `it crosses its red line on ${tagWords(r.redLines[0]!)}`
        : keep
          ? r.value > 0
            ? "it needs this text"
            : "it can accept this text"
          : "this text works against what it needs";
    const move = fresh(c, {
      action: { type: "vote.cast", provision: p.id, vote: keep ? "yes" : "no" },
      line: `${c.me} votes to ${keep ? "keep" : "drop"} ${q(p.title)}: ${why}.`,
      key: `bracket-vote:${p.id}`,
    });
    if (move) return move;
  }
  return null;
}

/** Whether to sign a frozen text, and why, from the delegation's own brief. */
function signingJudgement(
  view: SessionView,
  brief: Brief,
  delegation: string,
  instrumentId: string,
): { sign: boolean; why: string; reading: Reading } {
  const instrument = view.instruments.find((i) => i.id === instrumentId);
  const frozen = instrument?.frozen;
  const adopted = (frozen?.provisions ?? []).map((f) => ({ card: f.card ?? null, tags: f.tags ?? [] }));
  // "Everyone signs" counts only once every other party has signed this very text.
  const others = view.scenario.delegations.filter(
    (d) => d.id !== delegation && (instrument?.parties ?? [d.id]).includes(d.id),
  );
  const everyone =
    instrument?.kind === "code" &&
    others.every((d) =>
      view.signatures.some(
        (s) => s.delegation === d.id && s.version === frozen?.version && s.instrument === instrumentId,
      ),
    );
  const reading = worthOfText(view.scenario, brief, adopted, everyone);
  const walkAway = walkAwayOf(brief);
  if (reading.redLines.length > 0)
    return { sign: false, reading, why: `it crosses its red line on ${tagWords(reading.redLines[0]!)}` };
  if (instrument?.kind === "code" && reading.value <= walkAway)
    return { sign: false, reading, why: "it gives less than its alternative outside this agreement" };
  return { sign: true, reading, why: "it gains more than its alternative and crosses none of its red lines" };
}

function signOrSayWhy(c: Ctx): Move | null {
  if (!c.isHead) return null;
  for (const i of c.view.instruments) {
    if (!i.frozen || (i.parties !== null && !i.parties.includes(c.self.delegation))) continue;
    const signed = c.view.signatures.some(
      (s) => s.instrument === i.id && s.delegation === c.self.delegation && s.version === i.frozen!.version,
    );
    if (signed) continue;
    const judgement = signingJudgement(c.view, c.brief, c.self.delegation, i.id);
    if (judgement.sign) {
      const move = fresh(c, {
        action: { type: "sign", instrument: i.id, version: i.frozen.version },
        line: `${c.me} signs ${q(i.title)}: ${judgement.why}.`,
        key: `sign:${i.id}:${i.frozen.version}`,
      });
      if (move) return move;
    } else {
      // A recorded refusal, as a student's "Not now", with the reason said on the floor.
      const declined = c.view.declines?.some(
        (x) => x.instrument === i.id && x.delegation === c.self.delegation && x.version === i.frozen!.version,
      );
      if (declined) continue;
      const move = fresh(c, {
        action: { type: "sign.decline", instrument: i.id, version: i.frozen.version },
        line: `${c.me} will not sign ${q(i.title)}: ${judgement.why}.`,
        key: `decline:${i.id}:${i.frozen.version}`,
      });
      if (move) return move;
    }
  }
  return null;
}
