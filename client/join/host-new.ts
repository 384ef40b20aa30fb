// "Host a new session": pick a scenario the server offers or upload one's own
// file, pick the lesson (a preset scales the phase plan), see and edit the
// minutes of each phase, choose the decision rule, and say whether the debrief shows team and private
// channels, and how many tables (two or more make a class). A broken file is listed error by error;
// success opens the console (the class console for a class).
import { byId, fill, h } from "../ui/dom.ts";
import {
  createClass,
  createSession,
  listScenarios,
  type PlannedPhase,
  type ScenarioError,
  type ScenarioSummary,
} from "./api.ts";

export function setUpHostForm(): void {
  const details = byId<HTMLDetailsElement>("host-new");
  const select = byId<HTMLSelectElement>("scenario");
  const file = byId<HTMLInputElement>("scenario-file");
  const preset = byId<HTMLSelectElement>("preset");
  const about = byId("preset-about");
  const plan = byId<HTMLFieldSetElement>("plan");
  const phases = byId("plan-phases");
  const total = byId("plan-total");
  const reveal = byId<HTMLInputElement>("reveal-channels");
  const rule = byId<HTMLSelectElement>("decision-rule");
  const tables = byId<HTMLSelectElement>("tables");
  const errors = byId<HTMLUListElement>("host-errors");
  const button = byId<HTMLButtonElement>("host-button");
  const packHint = byId("pack-hint");
  const packLink = byId<HTMLAnchorElement>("pack-link");
  let loaded = false;
  let scenarios: ScenarioSummary[] = [];

  const chosenScenario = () => scenarios.find((s) => s.id === select.value);
  const chosenPreset = () => chosenScenario()?.presets?.find((p) => p.id === preset.value);
  const inputs = () => [...phases.querySelectorAll<HTMLInputElement>("input")];

  /** The minutes as the inputs hold them now, with their sum (and each period's when the lesson spans two). */
  function showTotal(): void {
    const values = inputs().map((i) => Number(i.value) || 0);
    const sum = values.reduce((a, b) => a + b, 0);
    const pauseAfter = chosenPreset()?.pauseAfter;
    const split = pauseAfter ? inputs().findIndex((i) => i.dataset.phase === pauseAfter) + 1 : 0;
    const first = values.slice(0, split).reduce((a, b) => a + b, 0);
    fill(total, split > 0 ? `${first} min in the first period, ${sum - first} in the second` : `${sum} min in all`);
  }

  function showPlan(): void {
    const scenario = chosenScenario();
    const own = preset.value === "";
    const listed: PlannedPhase[] | undefined = own ? scenario?.phases : chosenPreset()?.phases;
    fill(
      about,
      own
        ? scenario?.minutes
          ? `As the scenario's author planned it: ${scenario.minutes} minutes of phases.`
          : ""
        : (chosenPreset()?.description ?? ""),
    );
    // An uploaded file's plan is not known here: the preset still applies to it on the server.
    plan.hidden = !listed || Boolean(file.files?.length);
    fill(
      phases,
      ...(listed ?? []).map((p) =>
        h(
          "label",
          { class: "plan-phase" },
          h("span", {}, p.title),
          h("input", {
            type: "number",
            min: 0.5,
            max: 180,
            step: 0.5,
            value: p.minutes,
            "data-phase": p.phase,
            "aria-label": `${p.title}, minutes`,
            oninput: showTotal,
          }),
        ),
      ),
    );
    showTotal();
  }

  /** The printable pack of the scenario on offer (an uploaded file's comes from its session's console). */
  function showPack(): void {
    const scenario = chosenScenario();
    packHint.hidden = !scenario || Boolean(file.files?.length);
    if (scenario) packLink.href = `/pack/${encodeURIComponent(scenario.id)}`;
  }

  function showPresets(): void {
    const keep = preset.value;
    const scenario = chosenScenario();
    showPack();
    fill(
      preset,
      h("option", { value: "" }, `The scenario's own plan${scenario?.minutes ? ` (${scenario.minutes} min)` : ""}`),
      ...(scenario?.presets ?? []).map((p) => h("option", { value: p.id }, `${p.title} (${p.minutes} min)`)),
    );
    if ([...preset.options].some((o) => o.value === keep)) preset.value = keep;
    showPlan();
  }

  details.addEventListener("toggle", () => {
    if (!details.open || loaded) return;
    loaded = true;
    listScenarios()
      .then((list) => {
        scenarios = list;
        fill(select, ...list.map((s) => h("option", { value: s.id }, s.title)));
        showPresets();
      })
      .catch(() => fill(select, h("option", { value: "" }, "Could not load the scenarios")));
  });
  select.addEventListener("change", showPresets);
  tables.addEventListener("change", () => {
    const n = Number(tables.value);
    button.textContent = n > 1 ? `Create a class of ${n} tables` : "Create session";
  });
  preset.addEventListener("change", showPlan);
  file.addEventListener("change", () => {
    showPlan();
    showPack();
  });

  byId<HTMLFormElement>("host-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    fill(errors);
    button.disabled = true;
    try {
      const lesson: Record<string, unknown> = { revealChannels: reveal.checked };
      if (preset.value) lesson.preset = preset.value;
      if (rule.value) lesson.decisionRule = rule.value;
      const chosen = file.files?.[0];
      if (!chosen && !plan.hidden)
        lesson.minutes = Object.fromEntries(inputs().map((i) => [i.dataset.phase, Number(i.value)]));
      let body: unknown = select.value ? { scenario: select.value, ...lesson } : lesson;
      if (chosen) {
        try {
          body = { scenario: JSON.parse(await chosen.text()) as unknown, ...lesson };
        } catch {
          return show(errors, [{ path: "", message: `${chosen.name} is not valid JSON.` }]);
        }
      }
      // Several tables: a class, run from the class console (client/class/console.ts).
      const count = Number(tables.value);
      const result = count > 1 ? await createClass(body as Record<string, unknown>, count) : await createSession(body);
      if (result.ok) location.assign("made" in result ? result.made.consoleUrl : result.session.hostUrl);
      else
        show(
          errors,
          result.errors.map((er) => ({ ...er, file: er.path.startsWith("minutes") ? undefined : chosen?.name })),
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
