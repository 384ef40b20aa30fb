// Multi-page build: the light join page, the host console and the projector
// view. The game (Phaser) is only ever loaded by a dynamic import after a join,
// so the join page's first bundle stays small.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// `--mode test` builds the pages with their test hook (client/test-hook.ts) into
// dist/client-test for the browser tests; the production build has none of it.
export default defineConfig(({ mode }) => ({
  root: here("."),
  base: "/",
  publicDir: false,
  define: { __TEST_HOOKS__: JSON.stringify(mode === "test") },
  build: {
    outDir: here(mode === "test" ? "../dist/client-test" : "../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1800,
    rolldownOptions: {
      input: {
        index: here("index.html"),
        host: here("host.html"),
        screen: here("screen.html"),
        class: here("class.html"),
        "class-screen": here("class-screen.html"),
      },
      // shared/ files have no side effects: one the client never uses a value
      // of drops out. (The client never imports values from the files that
      // build zod schemas: zod would add ~30 KB gzip to every page.)
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]shared[\\/]/.test(id),
      },
    },
  },
  server: { host: "127.0.0.1" },
}));
