// The class console: every table of the class on one page (phase, timer, who
// is present), "Run together" for all tables at once, and a link into each
// table's own console to run it apart. The class's host key comes from the
// link's fragment (never sent to the server in a URL) and opens every table.
import { byId, fill, h } from "../ui/dom.ts";
import { timerText } from "../ui/timer.ts";
import { getJson, postJson } from "./api.ts";
import type { ClassView, TableSummary } from "../../shared/class-view.ts";

const root = byId("class-root");
const code = /^\/class\/([A-Za-z0-9]{6})/.exec(location.pathname)?.[1]?.toUpperCase() ?? "";
const key = new URLSearchParams(location.hash.slice(1)).get("key") ?? "";
const POLL_MS = 1500;

let view: ClassView | null = null;
/** Server clock minus this device's, from the last answer: timers count down on the server's time. */
let skew = 0;
let lastRun: string | null = null;
/** The tables as last drawn. */
let lastTables = "";
if (__TEST_HOOKS__)
  void import("../test-hook.ts").then(({ exposeForTests }) =>
    exposeForTests({
      get page() {
        return "class";
      },
      get view() {
        return view;
      },
      get lastRun() {
        return lastRun;
      },
    }),
  );

const status = h("p", { id: "together-status", class: "status", role: "status", "aria-live": "polite" });
const minutes = h("input", {
  id: "together-minutes",
  type: "number",
  min: 0.5,
  max: 180,
  step: 0.5,
  placeholder: "as planned",
  "aria-label": "Minutes for every table's timer (empty: each phase's planned minutes)",
});
const compareButton = h("button", { type: "button", id: "compare-toggle" }, "Show the compared debrief now");
const tablesList = h("ol", { id: "tables", class: "tables" });

async function run(command: Record<string, unknown>, what: string): Promise<void> {
  fill(status, `${what}…`);
  const answer = await postJson<{
    tables?: { table: number; ok: boolean; message?: string }[];
    compareShown?: boolean;
  }>(`/api/classes/${code}/run`, key, command);
  if (!answer.ok) {
    lastRun = answer.error;
    fill(status, answer.error);
    return;
  }
  const refused = (answer.body.tables ?? []).filter((t) => !t.ok);
  lastRun =
    answer.body.compareShown !== undefined
      ? answer.body.compareShown
        ? "The class projector compares every table now."
        : "The class projector compares each table when it reaches the debrief."
      : refused.length === 0
        ? `${what}: done at every table.`
        : `${what}: done where possible. ${refused.map((t) => `Table ${t.table}: ${t.message}`).join(" ")}`;
  fill(status, lastRun);
  await refresh();
}

function togetherPanel(): HTMLElement {
  const minutesValue = () => (minutes.value ? Number(minutes.value) : undefined);
  return h(
    "section",
    { class: "card together", "aria-labelledby": "together-heading" },
    h("h2", { id: "together-heading" }, "Run together"),
    h("p", { class: "hint" }, "Each button acts at every table at once. Open a table's console to run it apart."),
    h(
      "div",
      { class: "row" },
      h(
        "button",
        { type: "button", class: "primary", onclick: () => void run({ run: "next-phase" }, "Next phase") },
        "Next phase ▶ (all tables)",
      ),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            const m = minutesValue();
            void run(m === undefined ? { run: "start-timer" } : { run: "start-timer", minutes: m }, "Start timers");
          },
        },
        "Start timers",
      ),
      h("label", { class: "minutes" }, minutes, " min"),
      h("button", { type: "button", onclick: () => void run({ run: "pause-timer" }, "Pause timers") }, "Pause timers"),
      h(
        "button",
        { type: "button", onclick: () => void run({ run: "resume-timer" }, "Resume timers") },
        "Resume timers",
      ),
    ),
    h(
      "div",
      { class: "row" },
      compareButton,
      h(
        "a",
        { class: "button-link", href: `/class/${code}/screen`, target: "_blank", rel: "noopener" },
        "Open the class projector",
      ),
      h(
        "a",
        { class: "button-link", href: `/api/classes/${code}/export.csv?key=${encodeURIComponent(key)}`, download: "" },
        "Download the comparison (CSV)",
      ),
    ),
    h(
      "p",
      { class: "hint", id: "compare-hint" },
      "The class projector shows the results when every table is at the debrief. Showing them sooner shows every delegation's walk-away to students still negotiating.",
    ),
    status,
  );
}

compareButton.addEventListener("click", () => {
  const shown = !view?.compareShown;
  void run({ run: "compare", shown }, shown ? "Showing the comparison" : "Hiding the comparison");
});

function tableCard(t: TableSummary): HTMLElement {
  const present = t.students.filter((s) => s.connected).length;
  return h(
    "li",
    { class: "card table-card", "data-table": t.table, "data-phase": t.phase ?? "gone" },
    h(
      "header",
      {},
      h("h3", {}, `Table ${t.table}`),
      h("span", { class: "table-code", title: "This table's own code" }, t.code),
      h("span", { class: "phase" }, t.phaseTitle),
      h(
        "span",
        { class: "timer", "data-timer": t.table, "data-state": t.timer.state },
        timerText(t.timer, Date.now() + skew),
      ),
    ),
    t.exists
      ? h(
          "p",
          { class: "flags" },
          `${present} of ${t.students.length} student${t.students.length === 1 ? "" : "s"} present`,
          t.computers.length ? ` · computer plays ${t.computers.join(", ")}` : "",
          t.locked ? " · joining locked" : "",
          t.adjourned ? " · adjourned" : "",
          t.ended ? " · ended" : "",
          t.signatures ? ` · ${t.signatures} signature${t.signatures === 1 ? "" : "s"}` : "",
        )
      : h("p", { class: "flags" }, "This table was deleted."),
    t.students.length
      ? h(
          "ul",
          { class: "students" },
          ...t.students.map((s) =>
            h(
              "li",
              { class: s.connected ? "here" : "away" },
              h("strong", {}, s.name),
              ` · ${s.delegation}`,
              s.head ? " (head)" : "",
              s.connected ? "" : " · offline",
            ),
          ),
        )
      : t.exists
        ? h("p", { class: "hint" }, "Nobody seated yet.")
        : null,
    t.exists
      ? h(
          "a",
          {
            class: "button-link",
            id: `open-table-${t.table}`,
            href: `/host/${t.code}?class=${code}#key=${encodeURIComponent(key)}`,
            target: "_blank",
            rel: "noopener",
          },
          `Open table ${t.table}'s console`,
        )
      : null,
  );
}

function render(v: ClassView): void {
  if (!root.querySelector("#tables")) {
    const joinUrl = v.joinUrl.replace(/^https?:\/\//, "");
    fill(
      root,
      h(
        "header",
        { class: "class-header" },
        h("div", {}, h("h1", {}, "Class console"), h("p", { class: "title" }, v.title)),
        h(
          "div",
          { class: "class-join" },
          h("p", { class: "label" }, "Students join at"),
          h("p", { class: "url" }, joinUrl),
          h("p", { class: "label" }, "Class code"),
          h("p", { class: "class-code", id: "class-code" }, v.code),
        ),
        h("img", {
          class: "qr",
          src: `/api/classes/${v.code}/qr.svg`,
          alt: `QR code for ${joinUrl}`,
          width: 150,
          height: 150,
        }),
      ),
      togetherPanel(),
      tablesList,
    );
  }
  fill(compareButton, v.compareShown ? "Wait for every table's debrief" : "Show the compared debrief now");
  compareButton.setAttribute("aria-pressed", String(v.compareShown));
  // Redrawn only when a table changed (the timers tick by themselves), keeping the keyboard's place.
  const drawn = JSON.stringify(v.tables);
  if (drawn === lastTables) return;
  lastTables = drawn;
  const focused = document.activeElement?.id;
  fill(tablesList, ...v.tables.map(tableCard));
  if (focused) document.getElementById(focused)?.focus();
}

async function refresh(): Promise<void> {
  const answer = await getJson<ClassView>(`/api/classes/${code}`, key);
  if (!answer.ok) {
    if (answer.status === 403 || answer.status === 404)
      fill(
        root,
        h(
          "p",
          { class: "status error" },
          answer.status === 403
            ? "This link is missing the class's host key. Open the console from the link you got when you created the class."
            : answer.error,
        ),
      );
    else fill(status, answer.error);
    return;
  }
  view = answer.body;
  skew = view.now - Date.now();
  render(view);
}

function tick(): void {
  if (!view) return;
  for (const t of view.tables) {
    const el = root.querySelector<HTMLElement>(`[data-timer="${t.table}"]`);
    const text = timerText(t.timer, Date.now() + skew);
    if (el && el.textContent !== text) el.textContent = text;
  }
}

void refresh();
setInterval(() => void refresh(), POLL_MS);
setInterval(tick, 500);
