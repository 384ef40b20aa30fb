// The frame every page of the pack shares: one self-contained HTML page
// (inline CSS, inline SVG, one tiny script of our own for the Print button),
// laid out for A4 and Letter when printed: no navigation or buttons on paper,
// each part starting on its own sheet.
import { escapeHtml as h } from "../exports/escape.ts";
import { FAVICON_LINK } from "../favicon.ts";
import { DOC_TITLES, type PackDoc, type PackSource } from "./source.ts";

/** The pages' policy: nothing from elsewhere, scripts only from this server (the Print button). */
export const PACK_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'";

/** The Print button's script, served at /pack/print.js. */
export const PRINT_SCRIPT = `document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });\n`;

const CSS = `
:root { --ink: #1d232b; --muted: #5b6570; --line: #c9d0d8; --accent: #2457a6; --secret: #9b1c1c; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); max-width: 52rem; margin: 1.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; line-height: 1.2; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--accent); padding-bottom: .15rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .3rem; }
p { margin: .35rem 0; }
.muted, .meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td ul { margin: 0; padding-left: 1.1rem; }
.plan-table .students { width: 32%; }
.plan-table .you { width: 44%; }
td.num, th.num { text-align: right; white-space: nowrap; }
.quote { margin: .25rem 0 .35rem; padding: .2rem .6rem; border-left: 3px solid var(--line); font-style: italic; }
.pack-nav { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; padding: .6rem .8rem; margin-bottom: 1.2rem; background: #eef1f5; border-radius: .5rem; }
.pack-nav a { color: var(--accent); }
.pack-nav a[aria-current] { font-weight: 700; color: var(--ink); text-decoration: none; }
.pack-nav button { margin-left: auto; font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .4rem; cursor: pointer; }
.sheet + .sheet { margin-top: 2.5rem; border-top: 1px dashed var(--line); padding-top: 1.5rem; }
.confidential { color: var(--secret); border: 2px solid var(--secret); padding: .15rem .6rem; display: inline-block; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; font-size: .85rem; }
.box { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .8rem; margin: .5rem 0; }
.steps { padding-left: 1.3rem; }
.steps li { margin: .2rem 0; }
.join { display: flex; gap: 1.2rem; align-items: center; }
.join svg { width: 9.5rem; height: 9.5rem; flex: none; }
.code { font: 700 1.8rem/1.1 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .12em; }
.blank { display: inline-block; min-width: 9rem; border-bottom: 1px solid var(--ink); }
.answer-lines { height: 4.2rem; background: repeating-linear-gradient(transparent 0 1.35rem, var(--line) 1.35rem 1.4rem); margin: .2rem 0 .8rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem; vertical-align: -.1rem; margin-right: .3rem; border: 1px solid var(--line); }
@page { margin: 14mm 14mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .pack-nav, .no-print { display: none !important; }
  .sheet + .sheet { margin-top: 0; border-top: none; padding-top: 0; break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, .box, .card-row, li { break-inside: avoid; }
  th, .swatch, .answer-lines { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  /* The handout is one sheet: a little tighter than the rest. */
  #handout { font-size: 9.5pt; line-height: 1.4; }
  #handout h1 { font-size: 1.45rem; }
  #handout h2 { margin: .8rem 0 .35rem; }
  #handout td { padding: .18rem .4rem; }
  #handout .join svg { width: 8rem; height: 8rem; }
}
`;

export interface PageLinks {
  /** The address of a document of this pack (with the host key for a session's pack). */
  doc(doc: PackDoc | "index"): string;
  /** Whether role sheets can be opened from here (a session's pack, for its host). */
  roles: boolean;
}

function nav(current: PackDoc | "index", links: PageLinks): string {
  const docs: (PackDoc | "index")[] = [
    "index",
    "plan",
    "handout",
    "questions",
    "rubric",
    ...(links.roles ? ["roles" as const] : []),
  ];
  const label = (d: PackDoc | "index") => (d === "index" ? "Contents" : DOC_TITLES[d]);
  return `<nav class="pack-nav" aria-label="Teacher's pack">${docs
    .map((d) => `<a href="${h(links.doc(d))}"${d === current ? ' aria-current="page"' : ""}>${h(label(d))}</a>`)
    .join("")}<button type="button" data-print>Print or save as PDF</button></nav>`;
}

/** A whole page of the pack: `body` is already-escaped HTML. */
export function packPage(
  source: PackSource,
  current: PackDoc | "index",
  title: string,
  body: string,
  links: PageLinks,
): string {
  const where = source.session ? ` — session ${source.session.code}` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PACK_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`${title}: ${source.scenario.title}${where}`)}</title>
${FAVICON_LINK}
<style>${CSS}</style>
<script src="/pack/print.js" defer></script>
</head>
<body>
${nav(current, links)}
${body}
</body>
</html>
`;
}

/** A part that starts on a sheet of its own when printed. */
export const sheet = (inner: string, attrs = ""): string => `<section class="sheet"${attrs}>${inner}</section>`;

/** "12 min", "1½ min". */
export function minutesWords(m: number): string {
  const whole = Math.floor(m);
  const half = m - whole >= 0.5 ? "½" : "";
  return `${whole === 0 && half ? "" : whole}${half} min`;
}

/** "0:05" for five minutes into the lesson. */
export function clock(minutes: number): string {
  const m = Math.round(minutes);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}
