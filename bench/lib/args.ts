// Command line of `npm run bench`: `--quick` for a short smoke run,
// `--only rules,journal` to run some sections, `--out FILE` for the JSON.
export const SECTIONS = [
  "rules",
  "journal",
  "server",
  "baseline",
  "join_storm",
  "client",
  "client_soak",
  "bots",
] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  quick: boolean;
  only: Set<Section>;
  out: string;
  /** Override the room counts of the server section (e.g. `--rooms 40`), for profiling one size. */
  rooms: number[] | null;
  /** Override the measurement window of the server and baseline sections, in seconds. */
  seconds: number | null;
  /** Length of the client soak (section client_soak), in minutes. */
  minutes: number | null;
  /** Throttled windows of the client soak, whose p95s' median is reported (3 unless told). */
  windows: number | null;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let only = new Set<Section>(SECTIONS);
  let out = "bench/results/latest.json";
  let rooms: number[] | null = null;
  let seconds: number | null = null;
  let minutes: number | null = null;
  let windows: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--quick") quick = true;
    else if (arg.startsWith("--only")) {
      const names = value()
        .split(",")
        .map((s) => s.trim().replace(/-/g, "_"))
        .filter(Boolean);
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (unknown.length)
        throw new Error(`unknown section(s) ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}`);
      only = new Set(names as Section[]);
    } else if (arg.startsWith("--out")) out = value();
    else if (arg.startsWith("--rooms"))
      rooms = value()
        .split(",")
        .map((n) => Number(n))
        .filter((n) => Number.isInteger(n) && n > 0);
    else if (arg.startsWith("--seconds")) seconds = Number(value());
    else if (arg.startsWith("--minutes")) minutes = Number(value());
    else if (arg.startsWith("--windows")) {
      windows = Number(value());
      if (!Number.isInteger(windows) || windows < 1) throw new Error("--windows needs a whole number, 1 or more");
    } else if (arg === "--help" || arg === "-h") {
      console.log(
        `npm run bench [-- --quick] [-- --only ${SECTIONS.join(",")}] [-- --rooms 10,40] [-- --seconds 30] [-- --minutes 10] [-- --windows 3] [-- --out FILE]`,
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return { quick, only, out, rooms, seconds, minutes, windows };
}
