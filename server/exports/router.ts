// GET /api/sessions/:code/export.:format (html, md, csv, json), for the host
// only: the host key comes as `Authorization: Bearer <key>` or `?key=`, checked
// by the one host-key check in server/secrets.ts.
import { Router } from "express";
import { SessionCode } from "../../shared/ids.ts";
import type { SessionState } from "../../shared/state.ts";
import type { JournalEntry } from "../store/types.ts";
import { DEFAULT_CSV_TABLE, isCsvTable } from "./csv.ts";
import { isExportFormat, renderExport } from "./index.ts";
import { holdsHostKey, presentedHostKey } from "../secrets.ts";

export interface ExportSource {
  state: SessionState;
  entries: readonly JournalEntry[];
}

export interface ExportRouterDeps {
  /** The session's current state and its whole journal, or null if there is no such session. */
  getSession(code: string): ExportSource | null | Promise<ExportSource | null>;
}

export function exportRouter(deps: ExportRouterDeps): Router {
  const router = Router();
  router.get("/api/sessions/:code/export.:format", async (req, res) => {
    // Exports hold names and chat: never cached, never sent on as a referrer (the key may be in the URL).
    res.set({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff" });
    const plain = (status: number, message: string) =>
      res.status(status).type("text/plain; charset=utf-8").send(message);

    const format = req.params.format;
    const code = SessionCode.safeParse(req.params.code);
    if (!isExportFormat(format)) return plain(404, "Unknown export format: use html, md, csv or json.");
    if (!code.success) return plain(404, "No session has that code.");
    const table = req.query.table ?? DEFAULT_CSV_TABLE;
    if (format === "csv" && !isCsvTable(table)) {
      return plain(400, "Unknown table: use actions, provisions, signatures, scores or students.");
    }

    const session = await deps.getSession(code.data);
    if (!session) return plain(404, "No session has that code.");
    if (!holdsHostKey(session.state, presentedHostKey(req))) {
      return plain(
        403,
        "Only the host can export this session: open the export from the host console, or add the host key.",
      );
    }

    const file = renderExport(format, session.state, session.entries, { table: isCsvTable(table) ? table : undefined });
    // HTML opens in the browser so it can be printed to PDF; the others download.
    const disposition = format === "html" ? "inline" : "attachment";
    res.set("Content-Disposition", `${disposition}; filename="${file.filename}"`);
    if (format === "html")
      res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.status(200).type(file.contentType).send(file.body);
  });
  return router;
}
