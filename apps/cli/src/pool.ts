/**
 * @module pool
 * Run an async job over items with at most `limit` running at once, and hand the results back
 * strictly in input order as soon as each prefix is complete — so output streams while later
 * files are still being read, yet never comes out shuffled. `job` must not reject: it turns
 * its own failures into results (one bad file never stops a batch).
 */

export async function mapInOrder<T, R>(
  items: readonly T[],
  limit: number,
  job: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => void,
): Promise<void> {
  const done = new Map<number, R>();
  let next = 0;
  let emitted = 0;
  const flush = (): void => {
    while (done.has(emitted)) {
      const result = done.get(emitted) as R;
      done.delete(emitted);
      emit(result, emitted++);
    }
  };
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      done.set(i, await job(items[i] as T, i));
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
