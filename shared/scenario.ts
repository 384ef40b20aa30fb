// The scenario: a content pack, data not code. Every scenario file (the default
// one and a teacher's own) is parsed with this schema before anything loads.
import { z } from "zod";
import { LIMITS } from "./limits.ts";
import { PHASES, PHASE_TITLES } from "./phases.ts";

export const SlugId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,39}$/,
    "must be lower-case letters, digits and dashes, starting with a letter (at most 40)",
  );
export const Tag = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,29}$/, "a tag is lower-case letters, digits and dashes (at most 30)");

export { PHASES, PHASE_TITLES };
export const PhaseId = z.enum(PHASES);
export type PhaseId = z.infer<typeof PhaseId>;

export const DecisionRule = z.enum(["consensus", "majority", "two-thirds"]);
export type DecisionRule = z.infer<typeof DecisionRule>;

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Effect of an adopted, signed provision on the class's outcome meters. */
export const MeterEffect = z.object({
  /** + pulls towards a global commons, - towards national cyberspaces. */
  commons: z.number().int().min(-3).max(3),
  /** + makes cyberspace more stable (fewer attacks, more trust), - less. */
  stability: z.number().int().min(-3).max(3),
});
export type MeterEffect = z.infer<typeof MeterEffect>;

export const ProvisionCard = z.object({
  id: SlugId,
  title: text(LIMITS.title),
  text: text(LIMITS.provisionText),
  category: z.enum(["security", "sovereignty", "cooperation", "rights", "protection", "later-stage"]),
  tags: z.array(Tag).max(8),
  /** Words copied exactly from the source article that the card is drawn from. */
  quote: text(600),
  meters: MeterEffect,
  /** Later-stage topics are shown apart, as the article's "more substantial discussions". */
  stage: z.enum(["core", "later"]).default("core"),
});
export type ProvisionCard = z.infer<typeof ProvisionCard>;

export const Priority = z
  .object({
    /** Met by a provision drawn from this card, while it still carries all the card's tags. */
    card: SlugId.optional(),
    /** Met by any provision carrying this tag (a card's, an amendment's or a drafter's). */
    tag: Tag.optional(),
    /** Met when every delegation validly signed the shared code. */
    everyoneSigns: z.literal(true).optional(),
    /** Points the shared code is worth to this delegation when it meets the priority, counted once however often it is met (negative: a cost). */
    weight: z.number().int().min(-10).max(10),
  })
  .refine(
    (p) => [p.card, p.tag, p.everyoneSigns].filter((x) => x !== undefined).length === 1,
    "name exactly one of card, tag or everyoneSigns",
  );
export type Priority = z.infer<typeof Priority>;

export const RedLine = z.object({
  tag: Tag,
  why: text(300),
});

/** What the delegation gets if no shared code it can accept is signed: its best alternative. */
export const WalkAway = z.object({
  /** Points on the same scale as the priorities: signing a code worth less leaves the delegation worse off. */
  value: z.number().int().min(0).max(100),
  /** The alternative it stands for, in the student's words (a bilateral pact, allied agreements). */
  alternative: text(400),
});
export type WalkAway = z.infer<typeof WalkAway>;

export const Brief = z.object({
  /** What the delegation is told privately, in the student's own words. */
  instructions: text(1500),
  priorities: z.array(Priority).min(1).max(30),
  redLines: z.array(RedLine).max(10),
  walkAway: WalkAway,
  success: text(500),
});
export type Brief = z.infer<typeof Brief>;

export const Delegation = z.object({
  id: SlugId,
  name: text(40),
  bloc: text(40),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour is #rrggbb"),
  /** A short mark drawn on the table when colour alone is not enough (colour-blind players). */
  emblem: z.string().min(1).max(3),
  publicPosition: text(800),
  brief: Brief,
});
export type Delegation = z.infer<typeof Delegation>;

export const Inject = z.object({
  id: SlugId,
  headline: text(140),
  body: text(1000),
  /** Provision cards the news bears on: they are flagged when the inject is released. */
  cards: z.array(SlugId).max(20),
  /** Where in the lesson the host is advised to release it. */
  suggestedPhase: PhaseId.optional(),
  quote: text(600).optional(),
});
export type Inject = z.infer<typeof Inject>;

export const PhasePlanEntry = z.object({
  phase: PhaseId,
  minutes: z.number().min(0.5).max(180),
  /** What happens when the phase timer runs out: move on by itself, or hold at zero for the host. */
  onExpire: z.enum(["advance", "hold"]).default("hold"),
  /** Press rules: whether delegations may open and use private channels in this phase. */
  privateChannels: z.boolean().default(false),
});
export type PhasePlanEntry = z.infer<typeof PhasePlanEntry>;

export const Scenario = z
  .object({
    schemaVersion: z.literal(1),
    id: SlugId,
    title: text(LIMITS.title),
    summary: text(2000),
    source: z.object({
      title: text(200),
      citation: text(500),
      url: z.string().url().optional(),
    }),
    learningObjectives: z.array(text(300)).min(1).max(10),
    suggestedMinutes: z.number().int().min(15).max(240),
    decisionRule: DecisionRule.default("consensus"),
    /** Students are told on joining whether the host can read private channels. */
    hostReadsPrivateChannels: z.boolean().default(true),
    /** Likewise for each delegation's team channel (a teacher following the briefing reads them by default). */
    hostReadsTeamChannels: z.boolean().default(true),
    codeTitle: text(LIMITS.title),
    delegations: z.array(Delegation).min(2).max(LIMITS.delegations),
    cards: z.array(ProvisionCard).min(1).max(60),
    injects: z.array(Inject).max(30),
    phases: z.array(PhasePlanEntry).length(PHASES.length),
    questions: z.array(text(400)).min(1).max(20),
    /** The cards the source proposes as a first step both camps could accept: the balance check wants them inside the zone of agreement. */
    firstStep: z.array(SlugId).max(20).optional(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const unique = (items: { id: string }[], key: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) issue([key, i, "id"], `duplicate id "${item.id}"`);
        seen.add(item.id);
      });
    };
    unique(s.delegations, "delegations");
    unique(s.cards, "cards");
    unique(s.injects, "injects");
    const cards = new Set(s.cards.map((c) => c.id));
    const tags = new Set(s.cards.flatMap((c) => c.tags));
    s.phases.forEach((p, i) => {
      if (p.phase !== PHASES[i])
        issue(["phases", i, "phase"], `expected "${PHASES[i]}" here: the phases run ${PHASES.join(", ")}`);
    });
    s.delegations.forEach((d, i) => {
      d.brief.priorities.forEach((p, j) => {
        if (p.card !== undefined && !cards.has(p.card))
          issue(["delegations", i, "brief", "priorities", j, "card"], `no provision card has the id "${p.card}"`);
        if (p.tag !== undefined && !tags.has(p.tag))
          issue(["delegations", i, "brief", "priorities", j, "tag"], `no provision card has the tag "${p.tag}"`);
      });
      d.brief.redLines.forEach((r, j) => {
        if (!tags.has(r.tag))
          issue(["delegations", i, "brief", "redLines", j, "tag"], `no provision card has the tag "${r.tag}"`);
      });
    });
    s.firstStep?.forEach((c, i) => {
      if (!cards.has(c)) issue(["firstStep", i], `no provision card has the id "${c}"`);
    });
    s.injects.forEach((inj, i) => {
      inj.cards.forEach((c, j) => {
        if (!cards.has(c)) issue(["injects", i, "cards", j], `no provision card has the id "${c}"`);
      });
    });
  });
export type Scenario = z.infer<typeof Scenario>;
/** The scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof Scenario>;
