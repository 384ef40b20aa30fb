// Set by client/vite.config.ts: true only in the test build (vite --mode test).
declare const __TEST_HOOKS__: boolean;
