// The class projector: while the class joins, the class code and QR with each
// table's phase; once tables reach the debrief (or the host shows it early),
// the compared debrief: each table's agreed text, signatures, results against
// walk-aways and meters side by side. Everything fits the screen at any size:
// when the tables do not fit at the smallest readable type (28 px), they are
// paged, and the pages turn by themselves (arrow keys turn them too).
// It reads only /api/classes/:code/compare, which holds nothing secret.
import { byId, fill, h } from "../ui/dom.ts";
import { getJson } from "./api.ts";
import type { ClassComparison, ComparedTable, TableResults } from "../../shared/class-view.ts";

const root = byId("compare-root");
const code = /^\/class\/([A-Za-z0-9]{6})/.exec(location.pathname)?.[1]?.toUpperCase() ?? "";
const POLL_MS = 2000;
const TURN_MS = 15_000;

let data: ClassComparison | null = null;
let pages: ComparedTable[][] = [];
let page = 0;
let lastDrawn = "";
if (__TEST_HOOKS__)
  void import("../test-hook.ts").then(({ exposeForTests }) =>
    exposeForTests({
      get page() {
        return "class-screen";
      },
      get data() {
        return data;
      },
      get pages() {
        return pages.map((p) => p.map((t) => t.table));
      },
      get shownPage() {
        return page;
      },
    }),
  );

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
/** Against the walk-away, by a mark as well as a colour (read by the colour-blind too). */
const OUTCOME = { above: "▲", at: "=", below: "▼" } as const;
const OUTCOME_WORDS = { above: "above its walk-away", at: "at its walk-away", below: "below its walk-away" } as const;

function meter(label: string, value: number): HTMLElement {
  // -100..+100 drawn from the middle: left for national cyberspaces / unstable, right for a commons / stable.
  const width = Math.min(50, Math.abs(value) / 2);
  return h(
    "div",
    { class: "meter" },
    h("span", { class: "meter-label" }, `${label} ${signed(value)}`),
    h(
      "span",
      { class: "meter-bar", "aria-hidden": "true" },
      h("span", {
        class: value >= 0 ? "fill up" : "fill down",
        style: value >= 0 ? `left:50%;width:${width}%` : `left:${50 - width}%;width:${width}%`,
      }),
    ),
  );
}

function resultsBlock(r: TableResults): HTMLElement[] {
  return [
    h(
      "section",
      { class: "part" },
      h(
        "h3",
        {},
        r.frozen ? `Agreed text (${r.provisions.length})` : `On the table, not frozen (${r.provisions.length})`,
      ),
      r.provisions.length
        ? h("ol", { class: "provisions" }, ...r.provisions.map((t) => h("li", {}, t)))
        : h("p", { class: "none" }, "No provision."),
    ),
    h(
      "section",
      { class: "part" },
      h("h3", {}, r.codeCounts ? "Signed — the code counts" : "Signed — the code does not count"),
      r.signatures.length
        ? h(
            "p",
            { class: "signers" },
            ...r.signatures.map((s, i) =>
              h(
                "span",
                { class: "signer" },
                h("span", { class: "swatch", style: `background:${s.colour}` }),
                `${s.name} (${s.signer})${i < r.signatures.length - 1 ? "," : ""}`,
              ),
            ),
          )
        : h("p", { class: "none" }, "Nobody signed."),
      ...r.blocs.map((b) => h("p", { class: "bloc" }, `Bloc: ${b.title} — ${b.delegations.join(", ")}`)),
    ),
    h(
      "section",
      { class: "part" },
      h("h3", {}, "Result / walk-away"),
      h(
        "ul",
        { class: "scores" },
        ...r.scores.map((s) =>
          h(
            "li",
            {
              class: `outcome-${s.outcome}`,
              title: `${s.name}: ${s.score}, ${OUTCOME_WORDS[s.outcome]} of ${s.walkAway}`,
            },
            h("span", { class: "swatch", style: `background:${s.colour}` }),
            h("span", { class: "who" }, s.name),
            h("span", { class: "score" }, `${s.score} / ${s.walkAway}`),
            h(
              "span",
              { class: "outcome" },
              s.outcome === "at" ? OUTCOME.at : `${OUTCOME[s.outcome]}${Math.abs(s.score - s.walkAway)}`,
            ),
          ),
        ),
      ),
    ),
    h("section", { class: "part" }, meter("Commons", r.commons), meter("Stability", r.stability)),
  ];
}

function tableColumn(t: ComparedTable): HTMLElement {
  return h(
    "article",
    { class: "compare-table", "data-table": t.table },
    h(
      "header",
      {},
      h("h2", {}, `Table ${t.table}`),
      h("span", { class: "phase" }, t.final ? "Debrief" : `${t.phaseTitle} — so far`),
    ),
    h(
      "div",
      { class: "flow" },
      // Every table is shown or none is (server/classes/compare.ts): none waits on the join page instead.
      ...(t.results ? resultsBlock(t.results) : []),
    ),
  );
}

function waiting(d: ClassComparison): HTMLElement {
  const url = `${location.origin}/j/${code}`;
  return h(
    "section",
    { class: "class-waiting" },
    h("h1", {}, d.title),
    h(
      "div",
      { class: "join-block" },
      h(
        "div",
        {},
        h("p", { class: "label" }, "Join at"),
        h("p", { class: "url" }, url.replace(/^https?:\/\//, "")),
        h("p", { class: "label" }, "Class code"),
        h("p", { class: "huge-code", id: "screen-code" }, code),
      ),
      h("img", { class: "qr", src: `/api/classes/${code}/qr.svg`, alt: `QR code for ${url}` }),
    ),
    h(
      "p",
      { class: "waiting-note" },
      "The tables' results appear here, side by side, when every table reaches the debrief.",
    ),
    h(
      "ul",
      { class: "waiting-tables" },
      ...d.tables.map((t) =>
        h(
          "li",
          {},
          h("strong", {}, `Table ${t.table}`),
          ` ${t.phaseTitle} · ${t.students} student${t.students === 1 ? "" : "s"}`,
        ),
      ),
    ),
  );
}

/** Whether what is on the stage fits it: nothing overflows the page or any table's column. */
function fits(stage: HTMLElement): boolean {
  if (stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1) return false;
  for (const col of stage.querySelectorAll<HTMLElement>(".flow"))
    if (col.scrollHeight > col.clientHeight + 1 || col.scrollWidth > col.clientWidth + 1) return false;
  return true;
}

function drawPage(stage: HTMLElement, tables: ComparedTable[]): void {
  stage.style.setProperty("--columns", String(tables.length));
  fill(stage, ...tables.map(tableColumn));
  // A table too tall for the screen flows its parts into columns side by side, as far as its width allows.
  for (const flow of stage.querySelectorAll<HTMLElement>(".flow"))
    if (flow.scrollHeight > flow.clientHeight + 1) flow.classList.add("cols");
}

/** The fewest pages on which every table fits, trying all tables on one page first. */
function paginate(stage: HTMLElement, tables: ComparedTable[]): ComparedTable[][] {
  for (let perPage = tables.length; perPage > 1; perPage--) {
    const chunks: ComparedTable[][] = [];
    for (let i = 0; i < tables.length; i += perPage) chunks.push(tables.slice(i, i + perPage));
    if (
      chunks.every((c) => {
        drawPage(stage, c);
        return fits(stage);
      })
    )
      return chunks;
  }
  return tables.map((t) => [t]);
}

function compared(d: ClassComparison): void {
  const head = h(
    "header",
    { class: "compare-head" },
    h("h1", { title: d.title }, "Compared debrief"),
    h("span", { class: "join-hint" }, `Class code ${code}`),
    h("span", { class: "page-no", id: "page-no" }),
  );
  const stage = h("div", { class: "compare-stage", id: "compare-stage" });
  fill(root, head, stage);
  pages = paginate(stage, d.tables);
  page = Math.min(page, pages.length - 1);
  showPage();
}

function showPage(): void {
  const stage = document.getElementById("compare-stage");
  const no = document.getElementById("page-no");
  if (!stage || !no || pages.length === 0) return;
  drawPage(stage, pages[page]!);
  const first = pages[page]![0]!.table;
  const last = pages[page]!.at(-1)!.table;
  fill(
    no,
    pages.length > 1
      ? `Tables ${first === last ? first : `${first}–${last}`} · page ${page + 1} of ${pages.length}`
      : "",
  );
}

function turn(by: number): void {
  if (pages.length < 2) return;
  page = (page + by + pages.length) % pages.length;
  showPage();
}

function draw(): void {
  if (!data) return;
  const anyShown = data.tables.some((t) => t.shown);
  if (anyShown) compared(data);
  else {
    pages = [];
    fill(root, waiting(data));
  }
}

async function refresh(): Promise<void> {
  const answer = await getJson<ClassComparison>(`/api/classes/${code}/compare`);
  if (!answer.ok) {
    if (!data) fill(root, h("p", { class: "status error" }, answer.error));
    return;
  }
  data = answer.body;
  const drawn = JSON.stringify(data);
  // Redrawn only when something changed: a redraw re-measures the pages.
  if (drawn === lastDrawn) return;
  lastDrawn = drawn;
  draw();
}

addEventListener("keydown", (e) => {
  if (e.key === "ArrowRight" || e.key === " " || e.key === "PageDown") turn(1);
  else if (e.key === "ArrowLeft" || e.key === "PageUp") turn(-1);
});
let resizing = 0;
addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = window.setTimeout(draw, 150);
});
void refresh();
setInterval(() => void refresh(), POLL_MS);
setInterval(() => turn(1), TURN_MS);
