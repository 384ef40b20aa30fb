// The student's job in one line, under the top bar in every phase ("Drafter:
// Table and amend provisions for Japan"), and the team's jobs: the head hands
// them out here. Jobs guide; they lock nobody out of talking or acting.
import type { SessionLink } from "../../net/connection.ts";
import type { SessionView } from "../../../shared/view.ts";
import { DUTY_TITLES, JOBS, dutyLine, dutyOf } from "../../../shared/jobs.ts";
import { h, fill, setHidden } from "../../ui/dom.ts";
import { actNear, may } from "../../ui/act.ts";
import { setText, whenChanged } from "../../ui/keyed.ts";
import { delegationOf } from "../../ui/words.ts";

export function dutyBar(link: SessionLink): { el: HTMLElement; update(view: SessionView): void } {
  const line = h("p", { class: "duty-line", id: "duty-line" });
  const team = h("details", { class: "team-jobs", id: "team-jobs" });
  const el = h("div", { class: "duty-bar" }, line, team);
  const teamChanged = whenChanged();
  return {
    el,
    update(view) {
      const seatId = link.welcome?.seat ?? "";
      const duty = dutyOf(view, seatId);
      const mine = view.seats.find((s) => s.id === seatId)?.delegation;
      const delegation = delegationOf(view, mine);
      setHidden(el, duty === null || !delegation);
      if (duty === null || !delegation) return;
      const members = view.seats.filter((s) => s.role === "delegate" && s.delegation === delegation.id);
      setText(line, dutyLine(duty, view.phase, delegation.name, members.length === 1));
      const canHandOut = may(link, view, "seat.job");
      const sig = JSON.stringify([canHandOut, members.map((s) => [s.id, s.name, dutyOf(view, s.id)])]);
      teamChanged([sig], () => fill(team, ...teamJobs(link, view, members, canHandOut)));
    },
  };
}

function teamJobs(
  link: SessionLink,
  view: SessionView,
  members: SessionView["seats"],
  canHandOut: boolean,
): (HTMLElement | string)[] {
  const rows = members.map((s) => {
    const duty = dutyOf(view, s.id)!;
    if (!canHandOut || duty === "head")
      return h("li", {}, h("strong", {}, s.name), ` — ${DUTY_TITLES[duty].toLowerCase()}`);
    const slot = h("span", { class: "action-error", role: "alert" });
    const pick = h(
      "select",
      { "aria-label": `Job for ${s.name}`, class: "job-select" },
      ...JOBS.map((j) => h("option", { value: j, selected: j === duty }, DUTY_TITLES[j])),
    );
    pick.addEventListener("change", () => actNear(link, { type: "seat.job", seat: s.id, job: pick.value }, slot));
    return h("li", {}, h("label", {}, h("strong", {}, s.name), " ", pick), slot);
  });
  return [
    h("summary", {}, canHandOut ? "Hand out your team's jobs" : "Your team's jobs"),
    h("ul", { class: "job-list" }, ...rows),
    h("p", { class: "muted" }, "Jobs say who does what; everyone can still talk, table, amend and vote."),
  ];
}
