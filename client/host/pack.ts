// The console's way to the teacher's pack: printable pages the server writes
// (server/pack), role sheets included. Their links carry the host key, as the
// exports' do; the pages send no referrer.
import { h } from "../ui/dom.ts";

const DOCS: [doc: string, label: string][] = [
  ["", "Teacher's pack"],
  ["plan", "Lesson plans"],
  ["handout", "Student handout"],
  ["questions", "Questions"],
  ["rubric", "Rubric"],
  ["roles", "Role sheets (confidential)"],
];

export function packLinks(code: string, hostKey: string): HTMLElement {
  const key = `?key=${encodeURIComponent(hostKey)}`;
  return h(
    "p",
    { class: "row exports", id: "pack-links" },
    "Print: ",
    ...DOCS.map(([doc, label]) =>
      h(
        "a",
        {
          href: `/host/${code}/pack${doc ? `/${doc}` : ""}${key}`,
          target: "_blank",
          rel: "noopener noreferrer",
          ...(doc === "" ? { id: "pack-link" } : {}),
        },
        label,
      ),
    ),
  );
}
