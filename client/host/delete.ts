// "Delete this session now": the teacher's way to keep nothing once the class
// is done (or a session was opened by mistake). The server tells every screen.
import { h, fill } from "../ui/dom.ts";

export function deleteControl(code: string, hostKey: string, root: HTMLElement): HTMLElement {
  const slot = h("p", { class: "action-error", role: "alert" });
  const button = h("button", { type: "button", class: "danger", id: "delete-session" }, "Delete this session now");
  button.addEventListener("click", async () => {
    if (!confirm("Delete this session and everything said in it, for everyone, now? This cannot be undone.")) return;
    button.disabled = true;
    try {
      const res = await fetch(`/api/sessions/${code}`, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${hostKey}` },
      });
      if (!res.ok)
        throw new Error(
          ((await res.json().catch(() => ({}))) as { error?: string }).error ?? `The server answered ${res.status}.`,
        );
      fill(
        root,
        h(
          "main",
          { class: "card" },
          h("h1", {}, "Session deleted"),
          h("p", {}, `Session ${code} and everything in it (names, texts, chat, the journal) is gone from the server.`),
          h("p", {}, h("a", { href: "/" }, "Back to the home page")),
        ),
      );
    } catch (err) {
      button.disabled = false;
      fill(slot, `Could not delete the session: ${(err as Error).message}`);
    }
  });
  return h("div", { class: "delete-session" }, button, slot);
}
