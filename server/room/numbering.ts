// Which action a message carried, read loosely from a body nobody has checked
// yet: a refusal names the action's number and type when it can, so the
// page knows which of its pending actions was turned down.
export function looseNumbering(raw: unknown): { seq?: number; actionType?: string } {
  const loose = (typeof raw === "object" && raw !== null ? raw : {}) as { seq?: unknown; action?: unknown };
  const seq = typeof loose.seq === "number" && Number.isSafeInteger(loose.seq) ? loose.seq : undefined;
  const type =
    typeof loose.action === "object" && loose.action !== null ? (loose.action as { type?: unknown }).type : undefined;
  return {
    ...(seq !== undefined ? { seq } : {}),
    ...(typeof type === "string" ? { actionType: type.slice(0, 40) } : {}),
  };
}
