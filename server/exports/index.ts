// Every export format behind one call: what the router and the host console use.
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../store/types.ts";
import { DEFAULT_CSV_TABLE, renderCsv, type CsvTable } from "./csv.ts";
import { renderHtml } from "./html.ts";
import { exportJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";
import { buildReport } from "./model.ts";
import { withholdPrivateLines } from "./withhold.ts";

export const EXPORT_FORMATS = ["html", "md", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: unknown): s is ExportFormat {
  return typeof s === "string" && (EXPORT_FORMATS as readonly string[]).includes(s);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export interface ExportFile {
  body: string;
  contentType: string;
  /** accord-CODE.ext; a CSV table other than the default one is named in it (accord-CODE-provisions.csv). */
  filename: string;
}

export function renderExport(
  format: ExportFormat,
  state: SessionState,
  entries: readonly JournalEntry[],
  opts: { table?: CsvTable } = {},
): ExportFile {
  ({ state, entries } = withholdPrivateLines(state, entries));
  const table = opts.table ?? DEFAULT_CSV_TABLE;
  const body =
    format === "json"
      ? exportJson(state, entries)
      : format === "csv"
        ? renderCsv(buildReport(state, entries), table)
        : format === "md"
          ? renderMarkdown(buildReport(state, entries))
          : renderHtml(buildReport(state, entries));
  const suffix = format === "csv" && table !== DEFAULT_CSV_TABLE ? `-${table}` : "";
  return { body, contentType: CONTENT_TYPES[format], filename: `accord-${state.code}${suffix}.${format}` };
}

export { exportHtml } from "./html.ts";
export { exportMarkdown } from "./markdown.ts";
export { exportCsv, type CsvTable } from "./csv.ts";
export { exportJson } from "./json.ts";
