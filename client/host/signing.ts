// Signing, as the teacher follows it: for each frozen text, which parties have
// signed (by their head's name), which declined, and which are still to sign.
import type { SessionView } from "../../shared/view.ts";
import { h, fill } from "../ui/dom.ts";
import { delegationOf, isParty } from "../ui/words.ts";

export function signingStatusPanel(): { el: HTMLElement; update(v: SessionView): void } {
  const body = h("div", {});
  const el = h(
    "section",
    { class: "card", id: "host-signing", "aria-labelledby": "host-signing-h" },
    h("h2", { id: "host-signing-h" }, "Signatures"),
    body,
  );
  return {
    el,
    update(v) {
      const frozen = v.instruments.filter((i) => i.frozen);
      fill(
        body,
        frozen.length === 0
          ? h("p", { class: "muted" }, "No text is frozen yet: freeze a text so the heads can sign it.")
          : null,
        ...frozen.map((inst) => {
          const sigs = v.signatures.filter((s) => s.instrument === inst.id && s.version === inst.frozen!.version);
          const parties = v.scenario.delegations.filter((d) => isParty(v, inst.id, d.id));
          const waiting = parties.filter((d) => !sigs.some((s) => s.delegation === d.id));
          const declines = (v.declines ?? []).filter(
            (x) => x.instrument === inst.id && x.version === inst.frozen!.version,
          );
          return h(
            "div",
            { class: "instrument" },
            h("h3", {}, `${inst.title}: ${sigs.length} of ${parties.length} signed`),
            h(
              "ul",
              { class: "signature-status" },
              ...sigs.map((s) =>
                h(
                  "li",
                  { class: "ok" },
                  `✔ ${delegationOf(v, s.delegation)?.name ?? s.delegation} — signed by ${s.name}`,
                ),
              ),
              ...waiting.map((d) => {
                const no = declines.find((x) => x.delegation === d.id);
                return no
                  ? h("li", { class: "warn" }, `✗ ${d.name} declined to sign, for now (${no.name})`)
                  : h("li", { class: "muted" }, `… ${d.name} has not signed yet`);
              }),
            ),
          );
        }),
      );
    },
  };
}
