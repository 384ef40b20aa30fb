// The roster: every seat with its delegation, online dot, head badge and
// rejoin code; move, make head, give a job, rename, hand the seat to someone else, kick.
import type { SessionLink } from "../net/connection.ts";
import type { SessionView } from "../../shared/view.ts";
import { h, fill } from "../ui/dom.ts";
import { actNear, actionButton } from "../ui/act.ts";
import { delegationChip } from "../ui/chips.ts";
import { delegationOf } from "../ui/words.ts";
import { showRejoinCode } from "../../shared/codes.ts";
import { DUTY_TITLES, JOBS, dutyOf } from "../../shared/jobs.ts";

/** The seat's job: a choice for the host, except the head's (chosen with "Make head"). */
function jobCell(link: SessionLink, v: SessionView, seatId: string, name: string): HTMLElement {
  const duty = dutyOf(v, seatId) ?? "spokesperson";
  if (duty === "head") return h("td", { class: "job" }, DUTY_TITLES.head);
  const slot = h("span", { class: "action-error", role: "alert" });
  const pick = h(
    "select",
    { "aria-label": `Job for ${name}`, class: "job-select" },
    ...JOBS.map((j) => h("option", { value: j, selected: j === duty }, DUTY_TITLES[j])),
  );
  pick.addEventListener("change", () => actNear(link, { type: "seat.job", seat: seatId, job: pick.value }, slot));
  return h("td", { class: "job" }, pick, slot);
}

export function rosterPanel(link: SessionLink): { el: HTMLElement; update(v: SessionView): void } {
  const body = h("tbody", {});
  const el = h(
    "section",
    { class: "card", id: "roster", "aria-labelledby": "roster-h" },
    h("h2", { id: "roster-h" }, "Roster"),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "roster-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "Name"),
            h("th", {}, "Delegation"),
            h("th", {}, "Job"),
            h("th", {}, "Rejoin code"),
            h("th", {}, "Actions"),
          ),
        ),
        body,
      ),
    ),
  );
  return {
    el,
    update(v) {
      const seats = v.seats.filter((s) => s.role === "delegate");
      fill(
        body,
        ...seats.map((s) => {
          const move = h(
            "select",
            { "aria-label": `Move ${s.name} to` },
            ...v.scenario.delegations.map((d) =>
              h("option", { value: d.id, selected: d.id === s.delegation }, `${d.emblem} ${d.name}`),
            ),
          );
          return h(
            "tr",
            { "data-seat": s.id },
            h(
              "td",
              {},
              h("span", { class: `dot ${s.connected ? "on" : "off"}`, title: s.connected ? "online" : "offline" }),
              " ",
              h("span", { class: "seat-name" }, s.name),
              s.isHead ? " ★ head" : "",
              h("span", { class: "sr-only" }, s.connected ? " online" : " offline"),
            ),
            h("td", {}, delegationChip(delegationOf(v, s.delegation))),
            jobCell(link, v, s.id, s.name),
            h("td", { class: "rejoin" }, s.rejoinCode ? showRejoinCode(s.rejoinCode) : ""),
            h(
              "td",
              {},
              h(
                "div",
                { class: "row" },
                move,
                actionButton(link, "Move", () =>
                  move.value !== s.delegation ? { type: "seat.move", seat: s.id, delegation: move.value } : null,
                ),
                s.isHead ? null : actionButton(link, "Make head", () => ({ type: "seat.makeHead", seat: s.id })),
                actionButton(link, "Rename", () => {
                  const name = prompt(`A new display name for ${s.name}:`, "")?.trim();
                  return name ? { type: "seat.rename", seat: s.id, name } : null;
                }),
                actionButton(link, "Hand seat", () =>
                  confirm(`Give ${s.name}'s seat to someone else? A new rejoin code is made.`)
                    ? { type: "seat.hand", seat: s.id }
                    : null,
                ),
                actionButton(
                  link,
                  "Kick",
                  () => (confirm(`Remove ${s.name}?`) ? { type: "seat.kick", seat: s.id } : null),
                  { cls: "danger" },
                ),
              ),
            ),
          );
        }),
      );
      if (seats.length === 0)
        body.append(
          h(
            "tr",
            {},
            h("td", { colspan: 5, class: "muted" }, "Nobody has joined yet. Show the code on the projector."),
          ),
        );
    },
  };
}
