// Display names are checked against a maintained word list (@2toad/profanity)
// in every language it covers, before a seat is made. The check lives at the
// edge, not in the rules: a journaled join must replay the same way even when
// a newer word list would refuse it.
import { Profanity } from "@2toad/profanity";

/** Every language the library ships a list for. */
export const NAME_FILTER_LANGUAGES = ["ar", "de", "en", "es", "fr", "hi", "it", "ja", "ko", "pt", "ru", "zh"];

// Whole words only, with Unicode boundaries: names such as "Cassandra" or "Scunthorpe" are fine.
const filter = new Profanity({ languages: NAME_FILTER_LANGUAGES, wholeWord: true, unicodeWordBoundaries: true });

/** True if a name holds a listed word, also when spelt out with dots, dashes or spaces between letters. */
export function nameIsOffensive(name: string): boolean {
  // Numbers alone are no insult ("Student 5", "Team 55"), though some lists hold them as slang.
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s._\-*+~|]+/)
    .filter((w) => /\p{L}/u.test(w));
  // Letters spelt out one by one ("s.h.i.t") are read as the word they make; "Ana L." stays two words.
  const spelt: string[] = [];
  let spelling = false;
  for (const w of words) {
    const single = [...w].length === 1;
    if (single && spelling) spelt[spelt.length - 1] += w;
    else spelt.push(w);
    spelling = single;
  }
  return filter.exists(words.join(" ")) || filter.exists(spelt.join(" "));
}
