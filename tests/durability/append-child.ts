// Appends to the store as fast as it can and says which entries returned:
// the test kills it with SIGKILL and checks every one it said is on disk.
import { openSqliteStore } from "../../server/store/sqlite.ts";
import { debriefEntries, meta, storedCreated } from "./fixtures.ts";

const store = openSqliteStore(process.env.DATA_DIR!);
store.create(storedCreated("ACDEFG"), meta("ACDEFG"));
const template = debriefEntries()[3]!;
for (let seq = 1; ; seq++) {
  store.append("ACDEFG", { ...template, seq, ctx: { now: template.ctx.now + seq } });
  // Written only after append returned: a line here is a promise that the entry is durable.
  process.stdout.write(`${seq}\n`);
  if (seq % 50 === 0) await new Promise((r) => setImmediate(r));
}
