// The source article is the publisher's text: it is not in the repository, so
// a fresh clone has no copy. Tests that read it find it through
// $ACCORD_SOURCE_DIR (set by .ci/run) and are reported as skipped, saying why,
// when it is not set.
import { it } from "vitest";
import { findSourceText, sourceDir } from "../../content/load.ts";

export const ARTICLE = findSourceText();
export const ARTICLE_DIR = ARTICLE === null ? null : sourceDir();

const WHY = "needs the source article: set ACCORD_SOURCE_DIR to its folder";
if (ARTICLE === null) console.info(`Some tests are skipped: each ${WHY} (the article is not part of the repository).`);

/** `it`, skipped with the reason in its name when the article is absent. */
export const itWithArticle = (name: string, fn: () => void | Promise<void>) =>
  it.skipIf(ARTICLE === null)(ARTICLE === null ? `${name} [skipped: ${WHY}]` : name, fn);
