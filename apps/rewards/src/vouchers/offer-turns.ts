/**
 * Claims of one offer take turns in this process before they open their
 * transaction. The offer's row lock alone keeps them correct (and keeps several
 * copies of the service correct), but a transaction waiting on that lock holds
 * a pooled connection the whole time: two hundred claims of one offer at once
 * would take every connection of the pool and starve every other query, until
 * the pool's connect timeout fails them. Waiting here costs no connection.
 */
export class KeyedTurns {
  private readonly last = new Map<string, Promise<void>>();

  /** Runs `work` after the earlier work of the same key has settled, whatever its outcome. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.last.get(key) ?? Promise.resolve();
    const result = before.then(work);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.last.set(key, settled);
    void settled.then(() => {
      if (this.last.get(key) === settled) this.last.delete(key);
    });
    return result;
  }
}
