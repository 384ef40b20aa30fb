// Test-only: with ?test=1 in the page address, the page exposes what a person
// sees (the view, the phase, the active scene, the last refusal) as
// window.__accord, so browser tests can assert on it. Never used otherwise.
export const testMode = typeof location !== "undefined" && new URLSearchParams(location.search).get("test") === "1";

type Hook = Record<string, unknown>;

export function exposeForTests(fields: Hook): void {
  if (!testMode) return;
  const w = window as unknown as { __accord?: Hook };
  const target = w.__accord ?? {};
  for (const [key, value] of Object.entries(Object.getOwnPropertyDescriptors(fields)))
    Object.defineProperty(target, key, { ...value, configurable: true, enumerable: true });
  w.__accord = target;
}
