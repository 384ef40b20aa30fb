// Each delegation's own running score: what every text it may sign is worth
// to it as the draft stands, against its walk-away and maximum, and what each
// pending amendment would change. Secret: it reaches that delegation's view
// only (a real delegation knows its own scoring table, not the others').
import type { Provision, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";
import type { InstrumentStanding, Standing } from "../view.ts";
import { isParty, nameOf, quoted } from "./lookup.ts";
import { maximumOf, outcomeOf, priorityWords, resultOf, valuation, type Scored } from "./score.ts";

/** The provisions a signature on this instrument would cover now: the frozen text, or what is on the table. */
function provisionsOf(s: SessionState, instrumentId: string): Provision[] {
  const instrument = s.instruments.find((i) => i.id === instrumentId);
  if (!instrument) return [];
  const status = instrument.frozen ? "adopted" : "tabled";
  return instrument.provisions
    .map((id) => s.provisions.find((p) => p.id === id))
    .filter((p): p is Provision => p?.status === status);
}

function instrumentStanding(s: SessionState, delegation: DelegationId, instrumentId: string): InstrumentStanding {
  const d = s.scenario.delegations.find((x) => x.id === delegation)!;
  const brief = d.brief;
  const instrument = s.instruments.find((i) => i.id === instrumentId)!;
  const provisions = provisionsOf(s, instrumentId);
  const v = valuation(s.scenario, brief, provisions, false);
  const isCode = instrument.kind === "code";
  const everyoneBonus = isCode
    ? brief.priorities.filter((p) => p.everyoneSigns).reduce((sum, p) => sum + p.weight, 0)
    : 0;
  // A bloc agreement is the alternative: signing it is worth the walk-away at most.
  const ifSigned = isCode ? resultOf(brief, v) : resultOf(brief, null, v.crossed.length);
  const walkAway = brief.walkAway.value;
  const crossed = v.crossed.map((c) => ({
    tag: c.tag,
    why: brief.redLines.find((r) => r.tag === c.tag)?.why ?? "",
    provision: provisions[c.index]!.id,
    title: provisions[c.index]!.title,
  }));
  let warning: string | null = null;
  if (crossed.length > 0) {
    warning =
      `Signing ${quoted(instrument.title)} crosses your red line: ${crossed.map((c) => `${quoted(c.title)} (${c.tag.replace(/-/g, " ")})`).join(", ")}. ` +
      `${crossed[0]!.why} It would leave ${nameOf(s, delegation)} below its walk-away of ${walkAway}, at ${ifSigned}.`;
  } else if (isCode && ifSigned < walkAway) {
    warning = `As it stands, ${quoted(instrument.title)} is worth ${ifSigned} to ${nameOf(s, delegation)}, less than its walk-away of ${walkAway}: walking away would be better.`;
  }
  const amendments = s.amendments
    .filter((a) => a.status === "pending" && a.tags !== null && provisions.some((p) => p.id === a.provision))
    .map((a) => {
      const changed: Scored[] = provisions.map((p) => (p.id === a.provision ? { card: p.card, tags: a.tags! } : p));
      const after = valuation(s.scenario, brief, changed, false);
      return {
        amendment: a.id,
        change: after.value - v.value,
        crossesRedLine: after.crossed.length > v.crossed.length,
      };
    });
  return {
    instrument: instrumentId,
    value: v.value,
    everyoneBonus,
    met: v.met.map((m) => {
      const priority = brief.priorities.find((p) => (p.card ?? p.tag) === m.what)!;
      return {
        words: priorityWords(s.scenario, priority),
        weight: m.weight,
        provision: provisions[m.index]?.id ?? null,
      };
    }),
    crossed,
    ifSigned,
    outcome: outcomeOf(ifSigned, walkAway),
    warning,
    amendments,
  };
}

const cache = new WeakMap<
  SessionState["provisions"],
  Map<DelegationId, { instruments: unknown; amendments: unknown; standing: Standing }>
>();

export function standingOf(s: SessionState, delegation: DelegationId): Standing | undefined {
  const d = s.scenario.delegations.find((x) => x.id === delegation);
  if (!d) return undefined;
  let byDelegation = cache.get(s.provisions);
  if (!byDelegation) cache.set(s.provisions, (byDelegation = new Map()));
  const hit = byDelegation.get(delegation);
  if (hit && hit.instruments === s.instruments && hit.amendments === s.amendments) return hit.standing;
  const standing: Standing = {
    delegation,
    walkAway: d.brief.walkAway.value,
    alternative: d.brief.walkAway.alternative,
    maximum: maximumOf(s.scenario, delegation),
    instruments: s.instruments
      .filter((i) => isParty(i, delegation))
      .map((i) => instrumentStanding(s, delegation, i.id)),
  };
  byDelegation.set(delegation, { instruments: s.instruments, amendments: s.amendments, standing });
  return standing;
}
