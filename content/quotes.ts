// Quotes must be the article's own words. The comparison forgives line breaks
// and repeated spaces (a quote copied from a wrapped paragraph) and nothing
// else: curly quotes, apostrophes and dashes must match exactly.
type Path = (string | number)[];

export const collapseWhitespace = (s: string): string => s.replace(/\s+/g, " ").trim();

export const QUOTE_NOT_FOUND = "quote not found in the source";

/** Every `quote` in the cards and injects that does not appear in the source text. */
export function quoteErrors(doc: unknown, sourceText: string): { path: Path; message: string }[] {
  const source = collapseWhitespace(sourceText);
  const out: { path: Path; message: string }[] = [];
  if (typeof doc !== "object" || doc === null) return out;
  for (const key of ["cards", "injects"] as const) {
    const items = (doc as Record<string, unknown>)[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      const quote = typeof item === "object" && item !== null ? (item as Record<string, unknown>).quote : undefined;
      if (typeof quote !== "string" || collapseWhitespace(quote) === "") return;
      if (!source.includes(collapseWhitespace(quote))) out.push({ path: [key, i, "quote"], message: QUOTE_NOT_FOUND });
    });
  }
  return out;
}
