// A class code on the join page: the server names the table the student sits
// at (the emptiest), and the page remembers it, so the class link or code
// brings the student back to the same table and seat after a reload.
import { JOIN_WORDS } from "../../shared/refusal-words.ts";
import type { JoinRefusal } from "../net/refusal-words.ts";

const key = (classCode: string) => `accord.class.${classCode}`;

export function rememberTable(classCode: string, table: string): void {
  try {
    localStorage.setItem(key(classCode), table);
  } catch {
    /* private mode: the class code seats the student again */
  }
}

export function recallTable(classCode: string): string | null {
  try {
    return localStorage.getItem(key(classCode));
  } catch {
    return null;
  }
}

/** The table's code for a new seat (or for the seat a rejoin code belongs to), or the refusal to show. */
export async function tableFor(
  classCode: string,
  rejoinCode?: string,
): Promise<{ ok: true; table: string } | { ok: false; refusal: JoinRefusal }> {
  const res = await fetch(`/api/classes/${encodeURIComponent(classCode)}/seat`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(rejoinCode ? { rejoinCode } : {}),
  });
  const body = (await res.json().catch(() => ({}))) as { table?: string; error?: string };
  if (res.ok && body.table) return { ok: true, table: body.table };
  if (res.status === 404 && !rejoinCode)
    return { ok: false, refusal: { code: "UNKNOWN_SESSION", field: "code", words: JOIN_WORDS.UNKNOWN_SESSION! } };
  return {
    ok: false,
    refusal: {
      code: "NOT_JOINABLE",
      field: rejoinCode ? "rejoin" : "form",
      words: body.error ?? "Can't reach the game. Check your Wi-Fi, then try again.",
    },
  };
}
