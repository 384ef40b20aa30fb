// `npm run fuzz`: the long fuzz runs against a real server on 127.0.0.1.
//   npm run fuzz -- --http [--count 100000] [--seed 7]
//   npm run fuzz -- --transport [--count 100000] [--seed 7]
// Each kind registers below. With no kind named, every kind runs. Exits non-zero
// if any run found a failure, printing the seed that replays it.
import os from "node:os";
import { createAccordServer } from "../../server/app.ts";
import { fuzzHttp } from "../../tools/fuzz/http.ts";
import { fuzzTransport } from "../../tools/fuzz/transport.ts";
import { pino } from "pino";
import { quietLog } from "../../server/log.ts";

interface FuzzArgs {
  count: number;
  seed: number;
}

type Kind = (args: FuzzArgs) => Promise<{ failures: number; summary: string }>;

const KINDS: Record<string, Kind> = {
  http: async ({ count, seed }) => {
    const server = await createAccordServer({ port: 0, host: "127.0.0.1", log: quietLog(), restore: false });
    try {
      const { code, hostKey } = await server.createSession();
      const report = await fuzzHttp({ port: server.port, code, hostKey }, { seed, count });
      const alive = (await fetch(`${server.url}/healthz`)).status === 200;
      for (const f of report.failures.slice(0, 20)) console.log(`  #${f.index} answered ${f.status}: ${f.request}`);
      return {
        failures: report.failures.length + (alive ? 0 : 1),
        summary:
          `${report.sent} requests in ${(report.ms / 1000).toFixed(1)} s, statuses ${JSON.stringify(report.statuses)}, ` +
          `${report.failures.length} failures, server ${alive ? "alive" : "DOWN"}`,
      };
    } finally {
      await server.close();
    }
  },
  transport: async ({ count, seed }) => {
    // The rate limit has its own tests; here every message must reach the message entry.
    const server = await createAccordServer({
      port: 0,
      host: "127.0.0.1",
      // Only what went wrong: the server's internal errors are what a fuzz is for.
      log: pino({ level: "error" }, { write: (line: string) => console.log(`  server: ${line.trimEnd()}`) }),
      restore: false,
      rate: { burst: 1e9, perSecond: 1e9 },
    });
    try {
      const { code, hostKey } = await server.createSession();
      const [mine, other] = (await server.sessions.state(code))!.scenario.delegations.map((d) => d.id);
      const report = await fuzzTransport(
        {
          url: server.url,
          code,
          hostKey,
          delegations: [mine!, other!],
          stateOf: async () => JSON.stringify(await server.sessions.state(code)),
        },
        { seed, count },
      );
      const alive = (await fetch(`${server.url}/healthz`)).status === 200;
      for (const f of report.failures.slice(0, 20)) console.log(`  ${f}`);
      return {
        failures: report.failures.length + (alive ? 0 : 1),
        summary:
          `${report.sent} messages in ${(report.ms / 1000).toFixed(1)} s, answers ${JSON.stringify(report.codes)}, ` +
          `shapes ${JSON.stringify(report.shapes)}, ${report.failures.length} failures, server ${alive ? "alive" : "DOWN"}`,
      };
    } finally {
      await server.close();
    }
  },
};

function parse(argv: string[]): { kinds: string[]; args: FuzzArgs } {
  const kinds: string[] = [];
  const args: FuzzArgs = { count: 5_000, seed: Date.now() % 1_000_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--count") args.count = Number(argv[++i]);
    else if (a === "--seed") args.seed = Number(argv[++i]);
    else if (a.startsWith("--") && a.slice(2) in KINDS) kinds.push(a.slice(2));
    else
      throw new Error(
        `unknown argument ${a}: use ${Object.keys(KINDS)
          .map((k) => `--${k}`)
          .join(" ")} --count N --seed S`,
      );
  }
  if (!Number.isInteger(args.count) || args.count < 1) throw new Error("--count takes a whole number");
  return { kinds: kinds.length ? kinds : Object.keys(KINDS), args };
}

const { kinds, args } = parse(process.argv.slice(2));
console.log(
  `fuzz on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, seed ${args.seed}`,
);
let failed = 0;
for (const kind of kinds) {
  const result = await KINDS[kind]!(args);
  console.log(`${kind}: ${result.summary}`);
  failed += result.failures;
}
process.exit(failed > 0 ? 1 : 0);
