// Escaping for every export format, in one place so each rule is tested once.

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Markdown (CommonMark/GFM) that renders as the literal text: every ASCII
 * punctuation character is backslash-escaped (CommonMark allows that for all
 * of them), so no emphasis, link, heading, table cell, HTML tag or entity can
 * form. Leading spaces become &#32; so a line never turns into a code block.
 * Newlines become hard line breaks; blank lines split paragraphs.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((para) =>
      para
        .split("\n")
        .map((line) => escapeMarkdownLine(line))
        .filter((line) => line.length > 0)
        .join("\\\n"),
    )
    .filter((para) => para.length > 0)
    .join("\n\n");
}

/** One line of Markdown, for headings, list items and table cells (newlines become spaces). */
export function escapeMarkdownLine(s: string): string {
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`)
    .replace(/^[ \t]+/, (ws) => ws.replace(/ /g, "&#32;").replace(/\t/g, "&#9;"));
}

/** Text that must stay one Markdown paragraph or more inside a blockquote. */
export function markdownQuote(s: string): string {
  return escapeMarkdown(s)
    .split("\n")
    .map((line) => (line.length > 0 ? `> ${line}` : ">"))
    .join("\n");
}

/**
 * One CSV cell per RFC 4180: always quoted, inner quotes doubled. A text cell
 * starting with = + - @ (or tab / carriage return) gets a leading ' so a
 * spreadsheet shows it instead of running it as a formula. Numbers are
 * written as they are.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${guarded.replace(/"/g, '""')}"`;
}

export function csvRow(cells: (string | number | boolean | null)[]): string {
  return cells.map(csvCell).join(",");
}
