// The debrief on the big screen: the outcome meters, each delegation against
// its own alternative (never ranked), the final texts with who signed, and the
// questions to discuss. Each of these is a block the pages are made of.
import { h } from "../ui/dom.ts";
import { delegationChip } from "../ui/chips.ts";
import { delegationOf } from "../ui/words.ts";
import { resultWords } from "../../shared/rules/result-words.ts";
import type { SessionView } from "../../shared/view.ts";

const signed = (n: number) => (n > 0 ? "+" : "");

export function resultBlocks(view: SessionView): HTMLElement[] {
  const d = view.debrief;
  if (!d) return [h("p", { class: "block" }, "The results are being counted…")];
  const blocks: HTMLElement[] = [
    h(
      "section",
      { class: "block meters" },
      h("h2", {}, "Outcome"),
      h(
        "p",
        { id: "meter-commons" },
        `The Internet: ${signed(d.commons)}${d.commons} (−100 national cyberspaces … +100 a global commons)`,
      ),
      h(
        "p",
        { id: "meter-stability" },
        `Stability: ${signed(d.stability)}${d.stability} (−100 unstable … +100 stable)`,
      ),
    ),
    h("h2", { class: "block" }, "Each delegation against its own alternative"),
    ...d.scores.map((s) => {
      const del = delegationOf(view, s.delegation);
      return h(
        "div",
        { class: "block score" },
        h("p", { class: "score-line" }, delegationChip(del), " ", resultWords(del?.name ?? s.delegation, s)),
        h(
          "p",
          { class: "score-facts" },
          `Wrote ${Math.round((d.wording[s.delegation] ?? 0) * 100)}% of the words agreed · signed ${s.signed.length === 1 ? "1 text" : `${s.signed.length} texts`}`,
        ),
      );
    }),
  ];
  for (const inst of view.instruments.filter((i) => i.frozen)) {
    const sigs = view.signatures.filter((s) => s.instrument === inst.id && s.version === inst.frozen!.version);
    blocks.push(h("h2", { class: "block" }, `${inst.title} (final text)`));
    inst.frozen!.provisions.forEach((p, i) =>
      blocks.push(h("p", { class: "block final-provision" }, h("strong", {}, `${i + 1}. ${p.title}`), `: ${p.text}`)),
    );
    blocks.push(
      h(
        "p",
        { class: "block signed-by" },
        "Signed by: ",
        sigs.length
          ? sigs.map((s) => `${delegationOf(view, s.delegation)?.name ?? s.delegation} (${s.name})`).join(", ")
          : "nobody",
      ),
    );
  }
  blocks.push(h("h2", { class: "block" }, "Discussion"));
  view.scenario.questions.forEach((q, i) => blocks.push(h("p", { class: "block question" }, `${i + 1}. ${q}`)));
  return blocks;
}
