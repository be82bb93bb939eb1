/** @module commands/reparse — `chidao reparse`: stored originals through the current parser. */
import { createProgress } from "../progress.js";
import { Exit, type CliIo, type ExitCode } from "../io.js";
import type { DatabaseChoice } from "../registry-args.js";
import { openRegistry } from "./open-registry.js";

export async function runReparse(options: { database: DatabaseChoice; all: boolean }, io: CliIo): Promise<ExitCode> {
  const registry = await openRegistry(options.database, io);
  if (!registry) return Exit.NOTHING_PARSED;
  try {
    let progress: ReturnType<typeof createProgress> | null = null;
    const report = await registry.reparse({
      all: options.all,
      onProgress: (done, total) => {
        progress ??= createProgress(io, total);
        progress.tick(`${done}/${total}`);
      },
    });
    (progress as ReturnType<typeof createProgress> | null)?.stop();
    for (const f of report.failed) io.stderr.write(`✗ ${f.fileName ?? f.id}: ${f.message.vi} (${f.message.en}) [${f.code}]\n`);
    io.stdout.write(`Đã phân tích lại ${report.reparsed} văn bản bằng bộ phân tích ${report.parserVersion}; lỗi ${report.failed.length} (reparsed ${report.reparsed}, failed ${report.failed.length})\n`);
    return report.failed.length ? Exit.SOME_FAILED : Exit.OK;
  } finally {
    await registry.close();
  }
}
