// The join page: light on purpose (no Phaser, no network library until the
// student presses Join), so it is usable on a slow school network at once.
import { byId, fill, h } from "../ui/dom.ts";
import { sessionFacts, type SessionFacts } from "./api.ts";
import { forgetSeat, recallSeat, rememberSeat } from "./seat-memory.ts";
import { setUpHostForm } from "./host-new.ts";
import { setUpPractise } from "./practise.ts";
import type { JoinOptions } from "../../shared/protocol.ts";
import type { JoinField, JoinRefusal } from "../net/refusal-words.ts";
import { REJOIN_CODE_LENGTH, showRejoinCode, typedRejoinCode } from "../../shared/codes.ts";
import { JOIN_WORDS } from "../../shared/refusal-words.ts";
import { recallTable, rememberTable, tableFor } from "./class-code.ts";

const CODE_CHARS = /[^34679ACDEFGHJKMNPQRTWXY]/;
const form = byId<HTMLFormElement>("join-form");
const codeInput = byId<HTMLInputElement>("code");
const nameInput = byId<HTMLInputElement>("name");
const rejoinInput = byId<HTMLInputElement>("rejoin");
const delegationSelect = byId<HTMLSelectElement>("delegation");
const status = byId("join-status");
const joinButton = byId<HTMLButtonElement>("join-button");
let rejoining = false;
let lastError: JoinRefusal | null = null;
if (__TEST_HOOKS__)
  void import("../test-hook.ts").then(({ exposeForTests }) =>
    exposeForTests({
      get page() {
        return "join";
      },
      get lastError() {
        return lastError;
      },
    }),
  );

const errorSlot = (field: JoinField) => byId(field === "form" ? "join-status" : `${field}-error`);

function clearErrors(): void {
  for (const f of ["code", "name", "rejoin"] as const) fill(errorSlot(f));
}

/** Shows a refusal next to its field; `moveFocus` only when the student asked (a look-up while they type elsewhere must not pull the cursor away). */
function showRefusal(r: JoinRefusal, moveFocus = true): void {
  lastError = r;
  const slot = errorSlot(r.field);
  fill(slot, r.words);
  const input =
    r.field === "code" ? codeInput : r.field === "name" ? nameInput : r.field === "rejoin" ? rejoinInput : null;
  input?.setAttribute("aria-invalid", "true");
  if (moveFocus) input?.focus();
}

function showFacts(facts: SessionFacts | null): void {
  const title = byId("session-title");
  const field = byId("delegation-field");
  if (!facts) {
    title.hidden = true;
    field.hidden = true;
    return;
  }
  fill(title, facts.kind === "class" ? `${facts.title} — you will sit at one of ${facts.tables} tables` : facts.title);
  title.hidden = false;
  fill(
    delegationSelect,
    // Short enough for a 320 px phone; the hint under the field says what "any" means.
    h("option", { value: "" }, "Any delegation"),
    ...facts.delegations.map((d) => h("option", { value: d.id }, `${d.name} (${d.seated})`)),
  );
  field.hidden = facts.delegations.length === 0;
}

let factsFor = "";
/** Codes the server said are a class's, or a session's (looked up as the student typed, or at Join). */
const classCodes = new Set<string>();
const sessionCodes = new Set<string>();
async function isClass(code: string): Promise<boolean> {
  if (classCodes.has(code)) return true;
  if (sessionCodes.has(code)) return false;
  try {
    const facts = await sessionFacts(code);
    if (facts) (facts.kind === "class" ? classCodes : sessionCodes).add(code);
    return facts?.kind === "class";
  } catch {
    return false;
  }
}

async function lookUp(code: string): Promise<void> {
  if (code.length !== 6 || CODE_CHARS.test(code) || code === factsFor) return;
  factsFor = code;
  try {
    const facts = await sessionFacts(code);
    if (facts) (facts.kind === "class" ? classCodes : sessionCodes).add(code);
    if (codeInput.value !== code) return;
    showFacts(facts);
    if (!facts) showRefusal({ code: "UNKNOWN_SESSION", field: "code", words: JOIN_WORDS.UNKNOWN_SESSION! }, false);
  } catch {
    /* the join itself will say what is wrong */
  }
}

codeInput.addEventListener("input", () => {
  // Upper-case as they type; look-alike letters (O, I, L, ...) are kept so the student sees the typo.
  const clean = codeInput.value
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 6);
  if (clean !== codeInput.value) codeInput.value = clean;
  codeInput.removeAttribute("aria-invalid");
  fill(errorSlot("code"));
  void lookUp(clean);
});
rejoinInput.addEventListener("input", () => {
  // Shown as the host reads it out, ABCD-EFGH, however it was typed.
  const clean = typedRejoinCode(rejoinInput.value)
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, REJOIN_CODE_LENGTH);
  const shown = clean.length > 4 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
  if (shown !== rejoinInput.value) rejoinInput.value = shown;
});
nameInput.addEventListener("input", () => {
  nameInput.removeAttribute("aria-invalid");
  fill(errorSlot("name"));
});

byId("rejoin-toggle").addEventListener("click", () => {
  rejoining = !rejoining;
  byId("rejoin-field").hidden = !rejoining;
  byId("rejoin-toggle").textContent = rejoining
    ? "Join as a new delegate instead"
    : "On a new device? Use a rejoin code";
  (rejoining ? rejoinInput : nameInput).focus();
});

form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearErrors();
  const code = codeInput.value.trim();
  const name = nameInput.value.replace(/\s+/g, " ").trim();
  if (code.length !== 6 || CODE_CHARS.test(code))
    return showRefusal({
      code: "LOCAL",
      field: "code",
      words: "A session code has 6 letters and digits — check the board.",
    });
  if (rejoining) {
    const rejoinCode = typedRejoinCode(rejoinInput.value);
    if (rejoinCode.length !== REJOIN_CODE_LENGTH)
      return showRefusal({
        code: "LOCAL",
        field: "rejoin",
        words: `A rejoin code has 8 letters and digits, like ${showRejoinCode("ACDEFGHJ")}. Ask your teacher.`,
      });
    return void join(code, name ? { rejoinCode, name } : { rejoinCode });
  }
  if (!name) return showRefusal({ code: "LOCAL", field: "name", words: "Type the name your class will see." });
  if (/[<>]/.test(name)) return showRefusal({ code: "LOCAL", field: "name", words: "A name can't hold < or >." });
  void join(code, delegationSelect.value ? { name, delegation: delegationSelect.value } : { name });
});

async function join(code: string, options: JoinOptions, silent = false): Promise<boolean> {
  joinButton.disabled = true;
  fill(status, silent ? "Taking your seat back…" : "Joining…");
  const classCode = !silent && (await isClass(code)) ? code : null;
  if (classCode) {
    // The class code names no room: the server says which table this student sits at.
    const rejoin = "rejoinCode" in options ? options.rejoinCode : undefined;
    const found = await tableFor(classCode, rejoin).catch(() => null);
    if (!found?.ok) {
      joinButton.disabled = false;
      showRefusal(
        found?.refusal ?? {
          code: "NETWORK",
          field: "form",
          words: "Can't reach the game. Check your Wi-Fi, then try again.",
        },
      );
      if (found?.refusal.field !== "form") fill(status);
      return false;
    }
    code = found.table;
  }
  try {
    const { SessionLink } = await import("../net/connection.ts");
    const link = await SessionLink.open(code, options);
    const w = link.welcome;
    if (w?.seatToken)
      rememberSeat(code, {
        seatToken: w.seatToken,
        name: link.view?.seats.find((s) => s.id === w.seat)?.name ?? "",
        rejoinCode: w.rejoinCode,
      });
    if (classCode) rememberTable(classCode, code);
    history.replaceState(null, "", `/j/${code}${location.search}`);
    fill(status, "Loading the table…");
    const { startGame } = await import("../game/boot.ts");
    byId("join").hidden = true;
    const root = byId("game-root");
    root.hidden = false;
    document.body.classList.replace("join-page", "game-page");
    document.documentElement.classList.add("in-game");
    startGame(link, root);
    return true;
  } catch (err) {
    const refusal = (err as { refusal?: JoinRefusal }).refusal ?? {
      code: "NETWORK",
      field: "form" as const,
      words: "Can't reach the game. Check your Wi-Fi, then try again.",
    };
    if (silent) {
      forgetSeat(code);
      fill(status);
      return false;
    }
    showRefusal(refusal);
    if (refusal.field !== "form") fill(status);
    return false;
  } finally {
    joinButton.disabled = false;
  }
}

async function start(): Promise<void> {
  setUpHostForm();
  setUpPractise(join);
  const fromLink = /^\/j\/([A-Za-z0-9]{6})\/?$/.exec(location.pathname)?.[1]?.toUpperCase();
  if (!fromLink) {
    codeInput.focus();
    return;
  }
  codeInput.value = fromLink;
  // A class link: back to the table this device was seated at, if its seat is still remembered.
  const table = recallTable(fromLink);
  const tableSeat = table ? recallSeat(table) : null;
  if (table && tableSeat && (await join(table, { seatToken: tableSeat.seatToken }, true))) return;
  const seat = recallSeat(fromLink);
  if (seat && (await join(fromLink, { seatToken: seat.seatToken }, true))) return;
  // The seat is gone (given up after a long absence): the student keeps their name.
  if (seat?.name && !nameInput.value) nameInput.value = seat.name;
  nameInput.focus();
  void lookUp(fromLink);
}

void start();
