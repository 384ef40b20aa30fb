// Runs once before any test file: builds the browser client if it is stale.
// The browser suites run in parallel workers; building here, once, keeps two
// of them from rewriting dist/client under each other's pages.
import { ensureClientBuilt } from "./browser/build.ts";

export default function setup(): void {
  ensureClientBuilt();
}
