// One icon for every page. The built pages link client/favicon.svg; the pages
// the server writes itself (the printable report, the not-built notice) carry
// the same file inline, so a saved report keeps its icon and asks nothing of
// the network.
import { readFileSync } from "node:fs";

const svg = readFileSync(new URL("../client/favicon.svg", import.meta.url), "utf8").trim();

export const FAVICON_LINK = `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(svg)}">`;
