// `npm run balance -- FILE...`: what a scenario's scoring teaches. Prints, per
// delegation, its maximum, walk-away, best and worst inside the zone of
// possible agreement (and the source's first step), the zone's size, and every
// failed property as `FILE: path: reason`. Exit 0 when every property holds,
// 1 when one fails (or the file is invalid), 2 on wrong usage.
import { formatError, loadScenarioFile } from "./load.ts";
import { balance, type BalanceReport } from "./balance.ts";

const USAGE = `Usage: npm run balance -- FILE...

Enumerates every set of provisions a scenario's shared code could hold and
checks that its scoring teaches the lesson (see README, "Balance").`;

const pad = (s: string | number, n: number) => String(s).padStart(n);

export function formatBalance(file: string, r: BalanceReport): string {
  const name = Math.max(10, ...r.delegations.map((d) => d.name.length));
  const share = ((r.zone / r.sets) * 100).toFixed(1);
  const lines = [
    `${file}: ${r.cards} cards, ${r.sets.toLocaleString("en")} sets of provisions; zone of possible agreement: ${r.zone.toLocaleString("en")} sets (${share}%)`,
    `  ${"delegation".padEnd(name)}  maximum  walk-away  best in zone  worst in zone  first step`,
    ...r.delegations.map(
      (d) =>
        `  ${d.name.padEnd(name)}  ${pad(d.maximum, 7)}  ${pad(d.walkAway, 9)}  ${pad(d.best ?? "–", 12)}  ${pad(d.worst ?? "–", 13)}  ${pad(d.firstStep ?? "–", 10)}`,
    ),
    `  commons meter: at most ${r.commons.blocOnlyHighest} with bloc pacts alone, at least ${r.commons.wideCodeLowest} when all but one sign the code`,
    `  stability meter from the five most stabilising cards: ${r.stabilityFromFive}`,
  ];
  return lines.join("\n");
}

function main(argv: string[]): number {
  const files = argv.filter((a) => !a.startsWith("-"));
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  if (files.length === 0 || files.length !== argv.length) {
    console.error(files.length === 0 ? `no scenario file given\n\n${USAGE}` : `unknown option\n\n${USAGE}`);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    // Quotes are content:check's business; here only the scoring matters.
    const result = loadScenarioFile(file, { balance: false });
    if (!result.ok) {
      failed = true;
      for (const e of result.errors) console.error(formatError(file, e));
      continue;
    }
    const report = balance(result.scenario);
    console.log(formatBalance(file, report));
    for (const e of report.failures) console.error(formatError(file, e));
    if (report.failures.length > 0) failed = true;
    else console.log("  every property holds");
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
