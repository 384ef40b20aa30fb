// `npm run content:check -- FILE...`: validates scenario files for a teacher or CI.
// Prints one summary line per valid file; every error of an invalid one as
// `FILE: path.to.field: reason`. Exit 0 when all are valid, 1 when any is not,
// 2 when the command itself is used wrongly.
import { formatError, loadScenarioFile, readSourceDir, sourceDir } from "./load.ts";
import { QUOTE_NOT_FOUND } from "./quotes.ts";

const USAGE = `Usage: npm run content:check -- [--source DIR | --no-source] FILE...

Checks scenario files. Quotes are compared with the source article (*.txt files)
in DIR; by default in $ACCORD_SOURCE_DIR. Without either, quotes are not
checked (and the output says so).`;

function parseArgs(argv: string[]): { files: string[]; source: string | null | undefined } | string {
  const files: string[] = [];
  let source: string | null | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return USAGE;
    if (arg === "--no-source") source = null;
    else if (arg === "--source") {
      const dir = argv[++i];
      if (!dir) return `--source needs a folder\n\n${USAGE}`;
      source = dir;
    } else if (arg.startsWith("--source=")) source = arg.slice("--source=".length);
    else if (arg.startsWith("-")) return `unknown option ${arg}\n\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length === 0) return `no scenario file given\n\n${USAGE}`;
  return { files, source };
}

const count = (items: unknown[], noun: string) => `${items.length} ${noun}${items.length === 1 ? "" : "s"}`;

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    console.error(args);
    return 2;
  }
  let sourceText: string | null = null;
  let checkedAgainst: string | null = null;
  if (args.source === undefined) {
    // The default article may be absent (a teacher's own copy of the repo): then quotes are not checked.
    const dir = sourceDir();
    sourceText = dir === null ? null : readSourceDir(dir);
    if (sourceText !== null) checkedAgainst = dir;
  } else if (args.source !== null) {
    sourceText = readSourceDir(args.source);
    if (sourceText === null) {
      console.error(`--source ${args.source}: no .txt file found there`);
      return 2;
    }
    checkedAgainst = args.source;
  }

  let failed = false;
  let quoteFailed = false;
  for (const file of args.files) {
    const result = loadScenarioFile(file, { sourceText });
    if (result.ok) {
      const s = result.scenario;
      console.log(
        `${file}: ok — "${s.title}", ${count(s.delegations, "delegation")}, ${count(s.cards, "card")}, ${count(s.injects, "inject")}`,
      );
    } else {
      failed = true;
      for (const e of result.errors) {
        console.error(formatError(file, e));
        if (e.message === QUOTE_NOT_FOUND) quoteFailed = true;
      }
    }
  }
  // Said after an "ok", so nobody takes an unchecked file for a faithful one.
  if (!failed && args.source === undefined && sourceText === null)
    console.log("(quotes were not checked: no source article; set ACCORD_SOURCE_DIR or use --source DIR)");
  if (quoteFailed && checkedAgainst !== null)
    console.error(
      `(quotes were checked against ${checkedAgainst}; for another article use --source DIR, or --no-source)`,
    );
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
