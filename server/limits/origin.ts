// Which web pages may open a WebSocket to the server or call its POST API.
// By default only pages served by the server itself (same origin); a list of
// other origins can be allowed. Requests without an Origin header (Node
// clients, curl) are not from a browser page and are let through: the header
// is what protects students' browsers from a hostile page, not a password.

export type OriginCheck = (origin: string | undefined, host: string | undefined) => boolean;

export function originCheck(allowed: readonly string[]): OriginCheck {
  const list = new Set(allowed.map((o) => o.trim().replace(/\/$/, "").toLowerCase()).filter(Boolean));
  return (origin, host) => {
    if (origin === undefined || origin === "") return true;
    const normalised = origin.toLowerCase();
    if (list.has(normalised)) return true;
    try {
      return host !== undefined && new URL(normalised).host === host.toLowerCase();
    } catch {
      return false;
    }
  };
}
