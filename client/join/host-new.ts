// "Host a new session": pick a scenario the server offers or upload one's own
// file; a broken file is listed error by error; success opens the console.
import { byId, fill, h } from "../ui/dom.ts";
import { createSession, listScenarios, type ScenarioError } from "./api.ts";

export function setUpHostForm(): void {
  const details = byId<HTMLDetailsElement>("host-new");
  const select = byId<HTMLSelectElement>("scenario");
  const file = byId<HTMLInputElement>("scenario-file");
  const errors = byId<HTMLUListElement>("host-errors");
  const button = byId<HTMLButtonElement>("host-button");
  let loaded = false;

  details.addEventListener("toggle", () => {
    if (!details.open || loaded) return;
    loaded = true;
    listScenarios()
      .then((list) => fill(select, ...list.map((s) => h("option", { value: s.id }, s.title))))
      .catch(() => fill(select, h("option", { value: "" }, "Could not load the scenarios")));
  });

  byId<HTMLFormElement>("host-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    fill(errors);
    button.disabled = true;
    try {
      let body: unknown = select.value ? { scenario: select.value } : {};
      const chosen = file.files?.[0];
      if (chosen) {
        try {
          body = JSON.parse(await chosen.text());
        } catch {
          return show(errors, [{ path: "", message: `${chosen.name} is not valid JSON.` }]);
        }
      }
      const result = await createSession(body);
      if (result.ok) location.assign(result.session.hostUrl);
      else
        show(
          errors,
          result.errors.map((er) => ({ ...er, file: chosen?.name })),
        );
    } catch {
      show(errors, [{ path: "", message: "Can't reach the game server. Check the network, then try again." }]);
    } finally {
      button.disabled = false;
    }
  });
}

function show(list: HTMLUListElement, errors: ScenarioError[]): void {
  fill(
    list,
    ...errors.map((er) =>
      h("li", {}, [er.file, er.path].filter(Boolean).join(": ") + (er.path || er.file ? ": " : "") + er.message),
    ),
  );
}
