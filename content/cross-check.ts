// Cross-references checked on the raw document, field by field.
//
// Why not rely on the schema's own superRefine? zod runs it only when every
// field already has the right shape, so a file with one missing name would
// hide its broken card references until the next run. A teacher should see
// every error at once, so the same checks run here on whatever is readable.
// Messages match shared/scenario.ts so the two can be de-duplicated.
import { PHASES } from "../shared/scenario.ts";

type Path = (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const records = (v: unknown): [number, Record<string, unknown>][] =>
  Array.isArray(v)
    ? v.flatMap((item, i) => (isRecord(item) ? [[i, item] as [number, Record<string, unknown>]] : []))
    : [];
const strings = (v: unknown): [number, string][] =>
  Array.isArray(v) ? v.flatMap((item, i) => (typeof item === "string" ? [[i, item] as [number, string]] : [])) : [];

export function crossReferenceErrors(doc: unknown): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  if (!isRecord(doc)) return out;
  const issue = (path: Path, message: string) => out.push({ path, message });

  for (const key of ["delegations", "cards", "injects"] as const) {
    const seen = new Set<string>();
    for (const [i, item] of records(doc[key])) {
      if (typeof item.id !== "string") continue;
      if (seen.has(item.id)) issue([key, i, "id"], `duplicate id "${item.id}"`);
      seen.add(item.id);
    }
  }

  const cardRecords = records(doc.cards);
  const cards = new Set(cardRecords.flatMap(([, c]) => (typeof c.id === "string" ? [c.id] : [])));
  const tags = new Set(cardRecords.flatMap(([, c]) => strings(c.tags).map(([, t]) => t)));

  for (const [i, p] of records(doc.phases)) {
    if (typeof p.phase === "string" && p.phase !== PHASES[i] && i < PHASES.length)
      issue(["phases", i, "phase"], `expected "${PHASES[i]}" here: the phases run ${PHASES.join(", ")}`);
  }

  for (const [i, d] of records(doc.delegations)) {
    if (!isRecord(d.brief)) continue;
    for (const [j, p] of records(d.brief.priorities)) {
      if (typeof p.card === "string" && !cards.has(p.card))
        issue(["delegations", i, "brief", "priorities", j, "card"], `no provision card has the id "${p.card}"`);
      if (typeof p.tag === "string" && !tags.has(p.tag))
        issue(["delegations", i, "brief", "priorities", j, "tag"], `no provision card has the tag "${p.tag}"`);
    }
    for (const [j, r] of records(d.brief.redLines)) {
      if (typeof r.tag === "string" && !tags.has(r.tag))
        issue(["delegations", i, "brief", "redLines", j, "tag"], `no provision card has the tag "${r.tag}"`);
    }
  }

  for (const [i, c] of strings(doc.firstStep)) {
    if (!cards.has(c)) issue(["firstStep", i], `no provision card has the id "${c}"`);
  }

  for (const [i, inj] of records(doc.injects)) {
    for (const [j, c] of strings(inj.cards)) {
      if (!cards.has(c)) issue(["injects", i, "cards", j], `no provision card has the id "${c}"`);
    }
  }
  return out;
}
