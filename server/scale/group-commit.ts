// Group commit: the journal entries of every room, staged during one turn of
// the event loop, are written in one durable commit (one fsync) at the end of
// that turn; only then are the actions' acks and patches sent. Nobody hears of
// an action before it is on disk, as before, but a hundred busy rooms share
// one fsync per turn instead of paying one each: the bench showed the event
// loop blocked in fsync for most of its time once a shared disk was slow.
import type { JournalEntry, SessionStore } from "../store/types.ts";

export class GroupCommit {
  private pending: { code: string; entry: JournalEntry }[] = [];
  private waiting: (() => void)[] = [];
  private scheduled = false;
  /** Commits made and entries written, for the bench and the logs. */
  readonly stats = { commits: 0, entries: 0 };

  constructor(
    private readonly store: SessionStore,
    /** Called when a commit fails: the staged actions were applied in memory but are not on disk. */
    private readonly onFailure: (error: Error) => void,
  ) {}

  /** Queues an entry for the next commit (within this turn of the event loop). */
  stage(code: string, entry: JournalEntry): void {
    this.pending.push({ code, entry });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Runs `fn` once everything staged so far is durable: at once if nothing is waiting. */
  afterDurable(fn: () => void): void {
    if (this.pending.length === 0 && this.waiting.length === 0) fn();
    else this.waiting.push(fn);
  }

  /** Commits what is staged now (joins call this to answer at once), then runs what waited for it, in order. */
  flush(): void {
    const batch = this.pending;
    const after = this.waiting;
    this.pending = [];
    this.waiting = [];
    if (batch.length > 0) {
      try {
        if (this.store.appendBatch) this.store.appendBatch(batch);
        else for (const { code, entry } of batch) this.store.append(code, entry);
      } catch (e) {
        this.onFailure(e as Error);
        return; // nobody is told of actions that are not on disk
      }
      this.stats.commits++;
      this.stats.entries += batch.length;
    }
    for (const fn of after) fn();
  }
}
