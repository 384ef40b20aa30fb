// Command line of `npm run bench`: `--quick` for a short smoke run,
// `--only rules,journal` to run some sections, `--out FILE` for the JSON.
export const SECTIONS = ["rules", "journal", "server", "baseline", "join_storm", "client"] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  quick: boolean;
  only: Set<Section>;
  out: string;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let only = new Set<Section>(SECTIONS);
  let out = "bench/results/latest.json";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--quick") quick = true;
    else if (arg.startsWith("--only")) {
      const names = value().split(",").map((s) => s.trim().replace(/-/g, "_")).filter(Boolean);
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}`);
      only = new Set(names as Section[]);
    } else if (arg.startsWith("--out")) out = value();
    else if (arg === "--help" || arg === "-h") {
      console.log(`npm run bench [-- --quick] [-- --only ${SECTIONS.join(",")}] [-- --out FILE]`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return { quick, only, out };
}
