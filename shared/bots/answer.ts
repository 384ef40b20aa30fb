// Answering a private channel: the delegation's position on what was asked,
// card by card, drawn from its brief's priorities and red lines but never
// quoting the brief (its instructions and success line stay secret).
import type { Brief } from "../scenario.ts";
import type { SessionView } from "../view.ts";
import { LIMITS } from "../limits.ts";
import { tagWords, worthOf } from "./worth.ts";

const norm = (s: string) => s.toLowerCase().replace(/[^a-z ]/g, " ");
const stems = (s: string) =>
  norm(s)
    .split(/\s+/)
    .filter((w) => w.length >= 5)
    .map((w) => w.slice(0, 5));

/** The cards a message is about, in the order it names them: a tag in words, or most of a card's title. */
function cardsAsked(view: SessionView, text: string) {
  const plain = norm(text);
  const said = stems(text);
  const found: { card: SessionView["scenario"]["cards"][number]; at: number }[] = [];
  for (const card of view.scenario.cards) {
    const byTag = card.tags.map((t) => plain.indexOf(tagWords(t))).filter((i) => i >= 0);
    const title = stems(card.title);
    const hits = title.map((w) => said.indexOf(w)).filter((i) => i >= 0);
    const byTitle = hits.length >= 2 && hits.length * 2 >= title.length;
    if (byTag.length === 0 && !byTitle) continue;
    // Where in the message it comes up, in stems: tag positions are characters, so scale them alike.
    const at = Math.min(...byTag.map((i) => stems(plain.slice(0, i)).length), ...(byTitle ? hits : []));
    found.push({ card, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.card);
}

export function answerTo(view: SessionView, brief: Brief, me: string, question: string): string {
  const asked = cardsAsked(view, question).slice(0, 3);
  const parts = asked.map((card) => {
    const r = worthOf(view.scenario, brief, { card: card.id, tags: card.tags });
    if (r.redLines.length > 0)
      return `we cannot accept “${card.title}”: ${tagWords(r.redLines[0]!)} is a red line for us`;
    if (r.value >= 5) return `“${card.title}” matters a great deal to us`;
    if (r.value > 0) return `we support “${card.title}”`;
    if (r.value < 0) return `we have reservations about “${card.title}”`;
    return `we have no strong view on “${card.title}”`;
  });
  if (parts.length === 0) {
    const wanted = view.scenario.cards
      .map((card) => ({ card, r: worthOf(view.scenario, brief, { card: card.id, tags: card.tags }) }))
      .filter((x) => x.r.value > 0 && x.r.redLines.length === 0)
      .sort((a, b) => b.r.value - a.r.value)
      .slice(0, 2)
      .map((x) => `“${x.card.title}”`);
    const lines = brief.redLines.map((l) => tagWords(l.tag));
    parts.push(
      `${me} wants ${wanted.join(" and ") || "a code everyone can sign"}` +
        (lines.length > 0 ? `, and will not accept anything on ${lines.join(" or ")}` : ""),
    );
  }
  const text = parts.join("; ");
  const sentence = text.charAt(0).toUpperCase() + text.slice(1) + ".";
  return sentence.slice(0, LIMITS.chatLine);
}
