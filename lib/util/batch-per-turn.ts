/**
 * Gathers the calls made in one turn of the event loop and hands them to `write` together (at most `max` at a time),
 * so a burst costs one statement or one request instead of one each. `write` settles each item on its own: every call
 * resolves or rejects with its item's outcome.
 */
export function batchPerTurn<I, O>(write: (items: I[]) => Promise<PromiseSettledResult<O>[]>, max: number): (item: I) => Promise<O> {
  let waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    let outcomes: PromiseSettledResult<O>[];
    try {
      outcomes = await write(batch.map((w) => w.item));
    } catch (reason) {
      outcomes = batch.map(() => ({ status: "rejected", reason }));
    }
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (o.status === "fulfilled") w.resolve(o.value);
      else w.reject(o.reason);
    });
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (waiting.length === 1) setImmediate(flush);
      else if (waiting.length >= max) void flush();
    });
}
