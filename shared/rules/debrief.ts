// The debrief: each delegation's result against its own walk-away and
// maximum (from its secret brief), the class's outcome meters, and whose
// wording survived in the adopted texts.
import type { Debrief, DelegationScore, Instrument, Provision, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";
import { commonsMeter, stabilityMeter } from "./meters.ts";
import { cardsById, countsAsCard, maximumOf, outcomeOf, resultOf, valuation } from "./score.ts";

/** The delegations whose signature names the instrument's current frozen version. */
export function validSigners(s: SessionState, instrument: Instrument): Set<DelegationId> {
  const out = new Set<DelegationId>();
  if (!instrument.frozen) return out;
  for (const sig of s.signatures)
    if (sig.instrument === instrument.id && sig.version === instrument.frozen.version) out.add(sig.delegation);
  return out;
}

/** An instrument counts only when at least two delegations validly signed it. */
export const counts = (signers: Set<DelegationId>): boolean => signers.size >= 2;

const adoptedIn = (s: SessionState, instrumentId: string): Provision[] =>
  s.provisions.filter((p) => p.instrument === instrumentId && p.status === "adopted");

/** The cards a set of provisions still counts as (each once). */
export function cardsHeld(s: SessionState, provisions: readonly Provision[]): string[] {
  const cards = cardsById(s.scenario);
  const out = new Set<string>();
  for (const p of provisions) if (p.card !== null && countsAsCard(p, cards.get(p.card))) out.add(p.card);
  return [...out];
}

export function computeDebrief(s: SessionState): Debrief {
  const frozen = s.instruments.filter((i) => i.frozen !== null);
  const signers = new Map(frozen.map((i) => [i.id, validSigners(s, i)]));
  const counting = frozen.filter((i) => counts(signers.get(i.id)!));
  const code = s.instruments.find((i) => i.kind === "code");
  const codeSigners = code ? signers.get(code.id) : undefined;
  const codeCounts = codeSigners !== undefined && counts(codeSigners);
  const codeProvisions = code?.frozen ? adoptedIn(s, code.id) : [];
  const everyoneSigned = codeCounts && s.scenario.delegations.every((d) => codeSigners.has(d.id));

  const scores: DelegationScore[] = s.scenario.delegations.map((d) => {
    const brief = d.brief;
    const codeValue = code?.frozen ? valuation(s.scenario, brief, codeProvisions, everyoneSigned) : null;
    const signedCode = codeCounts && codeSigners.has(d.id);
    const own = counting.filter((i) => signers.get(i.id)!.has(d.id));
    const met: DelegationScore["met"] = [];
    const redLinesCrossed: DelegationScore["redLinesCrossed"] = [];
    if (signedCode && codeValue && code) {
      for (const m of codeValue.met)
        met.push({
          what: m.what,
          weight: m.weight,
          provision: codeProvisions[m.index]?.id ?? null,
          instrument: code.id,
        });
      for (const c of codeValue.crossed)
        redLinesCrossed.push({ tag: c.tag, provision: codeProvisions[c.index]!.id, instrument: code.id });
    }
    for (const i of own) {
      if (signedCode && i.id === code?.id) continue;
      const provisions = adoptedIn(s, i.id);
      for (const line of brief.redLines) {
        if (redLinesCrossed.some((r) => r.tag === line.tag)) continue;
        const p = provisions.find((x) => x.tags.includes(line.tag));
        if (p) redLinesCrossed.push({ tag: line.tag, provision: p.id, instrument: i.id });
      }
    }
    const elsewhere = redLinesCrossed.filter((r) => !signedCode || r.instrument !== code?.id).length;
    const score = resultOf(brief, signedCode ? codeValue : null, elsewhere);
    return {
      delegation: d.id,
      score,
      walkAway: brief.walkAway.value,
      maximum: maximumOf(s.scenario, d.id),
      codeValue: codeValue?.value ?? null,
      signedCode,
      outcome: outcomeOf(score, brief.walkAway.value),
      met,
      redLinesCrossed,
      signed: own.map((i) => i.id),
    };
  });

  const codeSignerCount = codeCounts ? codeSigners.size : 0;
  const blocOnly = s.scenario.delegations.filter(
    (d) =>
      !(codeCounts && codeSigners.has(d.id)) &&
      counting.some((i) => i.kind === "agreement" && signers.get(i.id)!.has(d.id)),
  ).length;
  const shares = new Map<string, number>();
  const delegations = Math.max(1, s.scenario.delegations.length);
  for (const i of counting) {
    const share = signers.get(i.id)!.size / delegations;
    for (const card of cardsHeld(s, adoptedIn(s, i.id))) shares.set(card, Math.max(shares.get(card) ?? 0, share));
  }

  // Wording: whose words survive in the adopted text of every frozen instrument.
  const wordCounts = new Map<DelegationId, number>(s.scenario.delegations.map((d) => [d.id, 0]));
  let total = 0;
  for (const i of frozen) {
    for (const p of adoptedIn(s, i.id)) {
      for (const author of p.versions[p.versions.length - 1]!.authors) {
        wordCounts.set(author, (wordCounts.get(author) ?? 0) + 1);
        total++;
      }
    }
  }
  const wording = Object.fromEntries([...wordCounts].map(([d, n]) => [d, total === 0 ? 0 : n / total]));

  return {
    scores,
    codeCounts,
    commons: commonsMeter(s.scenario, codeCounts ? cardsHeld(s, codeProvisions) : [], codeSignerCount, blocOnly),
    stability: stabilityMeter(s.scenario, shares),
    wording,
  };
}
