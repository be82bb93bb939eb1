/**
 * @module commands/serve
 * `chidao serve`: the API on a port, the database opened (and migrated) first; paths given with
 * --ingest are loaded at start (idempotent), and --inbox DIR is watched for new files. Stops
 * cleanly on Ctrl-C / SIGTERM, releasing the data folder.
 */
import { isChidaoError } from "@chidao/core";
import { watchInbox } from "@chidao/registry";
import { serve } from "@chidao/server";
import { Exit, type CliIo, type ExitCode } from "../io.js";
import type { ServeCommandOptions } from "../registry-args.js";
import { runIngest } from "./ingest.js";

export async function runServe(options: ServeCommandOptions, io: CliIo): Promise<ExitCode> {
  if (options.ingest.length) {
    const code = await runIngest({ database: options.database, paths: options.ingest, json: false, ocr: "auto", maxBytes: undefined }, io);
    if (code === Exit.NOTHING_PARSED) return code;
  }
  let running: Awaited<ReturnType<typeof serve>>;
  try {
    running = await serve({ port: options.port, host: options.host, dataDir: options.database.dataDir, databaseUrl: options.database.url, adminPassword: io.env.CHIDAO_ADMIN_PASSWORD });
  } catch (e) {
    const message = isChidaoError(e) ? `${e.vi} (${e.en})` : listenError(e, options.port);
    io.stderr.write(`chidao: ${message}\n`);
    return Exit.NOTHING_PARSED;
  }
  const inbox = options.inbox ? watchInbox(running.registry, options.inbox, { onResult: (line) => io.stdout.write(`${line}\n`) }) : null;
  io.stdout.write(`chidao đang chạy (running) at ${running.url}  ·  API ${running.url}/api/docs\n`);
  if (running.firstAdmin) io.stdout.write(firstAdminNote(running.url, running.firstAdmin));
  if (inbox) io.stdout.write(`Theo dõi thư mục (watching) ${options.inbox}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await inbox?.stop();
  await running.stop();
  io.stdout.write("chidao đã dừng (stopped)\n");
  return Exit.OK;
}

function listenError(e: unknown, port: number): string {
  const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
  if (code === "EADDRINUSE") return `Cổng ${port} đang được dùng; chọn cổng khác bằng --port (port ${port} is in use; choose another with --port)`;
  return `Không khởi động được máy chủ (cannot start the server): ${e instanceof Error ? e.message : String(e)}`;
}

function firstAdminNote(url: string, admin: { username: string; password: string }): string {
  return [
    "Đã tạo tài khoản quản trị đầu tiên (created the first administrator):",
    `  tên đăng nhập (username): ${admin.username}`,
    `  mật khẩu (password):      ${admin.password}`,
    `Đăng nhập: POST ${url}/api/auth/login, hoặc tạo mã API: chidao token create --user ${admin.username}`,
    "Mật khẩu chỉ hiện lần này; hãy đổi nó sau khi đăng nhập. (Shown only now; change it after signing in.)",
    "",
  ].join("\n");
}
