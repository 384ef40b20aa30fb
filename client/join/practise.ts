// "Practise": a session of one's own, in the delegation one chooses, with
// every other delegation played by the computer and the computer chairing
// (short timers, phases moving on by themselves, the debrief at the end).
import { byId, fill, h } from "../ui/dom.ts";
import type { JoinOptions } from "../../shared/protocol.ts";
import { createSession, listScenarios, type ScenarioSummary } from "./api.ts";

export function setUpPractise(join: (code: string, options: JoinOptions) => Promise<boolean>): void {
  const open = byId<HTMLButtonElement>("practise-open");
  const form = byId<HTMLFormElement>("practise-form");
  const name = byId<HTMLInputElement>("practise-name");
  const select = byId<HTMLSelectElement>("practise-delegation");
  const difficulty = byId<HTMLSelectElement>("practise-difficulty");
  const status = byId("practise-status");
  const button = byId<HTMLButtonElement>("practise-button");
  let scenario: ScenarioSummary | undefined;

  open.addEventListener("click", () => {
    form.hidden = false;
    open.hidden = true;
    name.focus();
    listScenarios()
      .then((list) => {
        // The server's first scenario is the default one (the article's).
        scenario = list.find((s) => s.id === "cyber-code") ?? list[0];
        fill(
          select,
          ...(scenario?.delegations ?? []).map((d) => h("option", { value: d.id }, `${d.emblem} ${d.name}`)),
        );
      })
      .catch(() => fill(select, h("option", { value: "" }, "Could not load the delegations")));
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const who = name.value.replace(/\s+/g, " ").trim();
    if (!who) {
      fill(status, "Type a display name.");
      name.focus();
      return;
    }
    if (!scenario || !select.value) {
      fill(status, "Choose the delegation you will play.");
      return;
    }
    button.disabled = true;
    fill(status, "Setting the table…");
    try {
      const made = await createSession({ scenario: scenario.id, practise: select.value, difficulty: difficulty.value });
      if (!made.ok) {
        fill(status, made.errors.map((er) => er.message).join(" "));
        return;
      }
      fill(status);
      if (!(await join(made.session.code, { name: who, delegation: select.value })))
        fill(status, "Could not take your seat. Try again.");
    } catch {
      fill(status, "Can't reach the game server. Check the network, then try again.");
    } finally {
      button.disabled = false;
    }
  });
}
