// Multi-page build: the light join page, the host console and the projector
// view. The game (Phaser) is only ever loaded by a dynamic import after a join,
// so the join page's first bundle stays small.
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  publicDir: false,
  build: {
    outDir: here("../dist/client"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1800,
    rolldownOptions: {
      input: {
        index: here("index.html"),
        host: here("host.html"),
        screen: here("screen.html"),
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
});
