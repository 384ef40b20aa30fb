// The debrief: each delegation's score from its secret brief, the class's
// outcome meters, and whose wording survived in the adopted texts.
import type { Debrief, DelegationScore, Provision, SessionState } from "../state.ts";
import type { DelegationId } from "../ids.ts";

/** Points lost for each red-line tag in a provision a delegation signed. */
export const RED_LINE_PENALTY = 10;

const validSigners = (s: SessionState, instrumentId: string): Set<DelegationId> => {
  const frozen = s.instruments.find((i) => i.id === instrumentId)?.frozen;
  const out = new Set<DelegationId>();
  if (!frozen) return out;
  for (const sig of s.signatures)
    if (sig.instrument === instrumentId && sig.version === frozen.version) out.add(sig.delegation);
  return out;
};

const adoptedIn = (s: SessionState, instrumentId: string): Provision[] =>
  s.provisions.filter((p) => p.instrument === instrumentId && p.status === "adopted");

const normalise = (raw: number, scale: number) => Math.round(Math.max(-100, Math.min(100, (raw / scale) * 100)));

export function computeDebrief(s: SessionState): Debrief {
  const frozen = s.instruments.filter((i) => i.frozen !== null);
  const signers = new Map(frozen.map((i) => [i.id, validSigners(s, i.id)]));

  const scores: DelegationScore[] = s.scenario.delegations.map((d) => {
    const signed = frozen.filter((i) => signers.get(i.id)?.has(d.id)).map((i) => i.id);
    const score: DelegationScore = { delegation: d.id, score: 0, met: [], redLinesCrossed: [], signed };
    for (const instrument of signed) {
      for (const p of adoptedIn(s, instrument)) {
        for (const prio of d.brief.priorities) {
          const hit =
            prio.card !== undefined ? p.card === prio.card : prio.tag !== undefined && p.tags.includes(prio.tag);
          if (!hit) continue;
          score.score += prio.weight;
          score.met.push({ what: prio.card ?? prio.tag!, weight: prio.weight, provision: p.id, instrument });
        }
        for (const line of d.brief.redLines) {
          if (!p.tags.includes(line.tag)) continue;
          score.score -= RED_LINE_PENALTY;
          score.redLinesCrossed.push({ tag: line.tag, provision: p.id, instrument });
        }
      }
    }
    return score;
  });

  // Meters: an instrument weighs by the share of delegations that validly signed it.
  let commons = 0;
  let stability = 0;
  const delegations = Math.max(1, s.scenario.delegations.length);
  for (const i of frozen) {
    const n = signers.get(i.id)?.size ?? 0;
    if (n === 0) continue;
    const weight = n / delegations;
    for (const p of adoptedIn(s, i.id)) {
      const card = p.card === null ? undefined : s.scenario.cards.find((c) => c.id === p.card);
      if (!card) continue;
      commons += card.meters.commons * weight;
      stability += card.meters.stability * weight;
    }
  }
  const half = (key: "commons" | "stability") =>
    Math.max(1, s.scenario.cards.reduce((sum, c) => sum + Math.abs(c.meters[key]), 0) / 2);

  // Wording: whose words survive in the adopted text of every frozen instrument.
  const counts = new Map<DelegationId, number>(s.scenario.delegations.map((d) => [d.id, 0]));
  let total = 0;
  for (const i of frozen) {
    for (const p of adoptedIn(s, i.id)) {
      for (const author of p.versions[p.versions.length - 1]!.authors) {
        counts.set(author, (counts.get(author) ?? 0) + 1);
        total++;
      }
    }
  }
  const wording = Object.fromEntries([...counts].map(([d, n]) => [d, total === 0 ? 0 : n / total]));

  return {
    scores,
    commons: normalise(commons, half("commons")),
    stability: normalise(stability, half("stability")),
    wording,
  };
}
