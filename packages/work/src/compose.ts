/**
 * @module compose
 * The registry with the work plugged in: every ingested (or reparsed) directive gets its
 * proposed tasks in the same transaction. The server, the CLI and the inbox watcher open the
 * registry through this, so a document never arrives without its proposals.
 */
import type { RegistryOptions } from "@chidao/registry";
import { proposeTasksAfterIngest } from "./tasks/propose-tasks.js";

export function withWork(options: RegistryOptions = {}): RegistryOptions {
  return {
    ...options,
    afterIngest: async (tx, documentId, record, actor) => {
      await options.afterIngest?.(tx, documentId, record, actor);
      await proposeTasksAfterIngest(tx, documentId, record, actor);
    },
  };
}
