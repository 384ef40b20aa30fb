// The delegation's own running score, from its secret brief: what the text of
// an instrument is worth to it if signed as it stands, against its walk-away
// and maximum. Only the delegation's own view carries it.
import type { SessionView } from "../../../shared/view.ts";
import { h } from "../../ui/dom.ts";

export function standingBlock(view: SessionView, instrumentId: string): HTMLElement | null {
  const st = view.standing;
  const i = st?.instruments.find((x) => x.instrument === instrumentId);
  if (!st || !i) return null;
  const verdict =
    i.outcome === "above"
      ? `Signed as it stands: ${i.ifSigned}, ${i.ifSigned - st.walkAway} above your walk-away (${st.walkAway}); the most you could get is ${st.maximum}.`
      : i.outcome === "at"
        ? `Signed as it stands: ${i.ifSigned}, no better than your walk-away (${st.walkAway}).`
        : `Signed as it stands: ${i.ifSigned}, below your walk-away (${st.walkAway}).`;
  return h(
    "section",
    {
      class: `standing card-ish outcome-${i.outcome}`,
      id: "running-score",
      "aria-label": "Your running score (secret)",
    },
    h("h4", {}, "Your running score (only your delegation sees this)"),
    h("p", { class: "standing-verdict" }, verdict),
    i.everyoneBonus ? h("p", { class: "muted" }, `+${i.everyoneBonus} more if every delegation signs the code.`) : null,
    i.met.length
      ? h(
          "p",
          { class: "muted" },
          "Priorities met: ",
          i.met.map((m) => `${m.words} (${m.weight > 0 ? "+" : ""}${m.weight})`).join(", "),
        )
      : null,
    ...i.crossed.map((c) => h("p", { class: "warn" }, `⚠ Red line crossed by “${c.title}”: ${c.why}`)),
    h("p", { class: "muted" }, `Your alternative: ${st.alternative}`),
  );
}
