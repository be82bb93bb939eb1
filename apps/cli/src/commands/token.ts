/**
 * @module commands/token
 * `chidao token create --user NAME`: a new API token for an account, printed as the last line.
 * Whoever can open the database can make one (that is the way back in when a password is lost);
 * it is made as the system and audited as such.
 */
import { isChidaoError, SYSTEM_ACTOR } from "@chidao/core";
import { createToken, findUserByName } from "@chidao/work";
import { Exit, type CliIo, type ExitCode } from "../io.js";
import type { DatabaseChoice } from "../registry-args.js";
import { openRegistry } from "./open-registry.js";

export async function runTokenCreate(options: { database: DatabaseChoice; user: string; name: string }, io: CliIo): Promise<ExitCode> {
  const registry = await openRegistry(options.database, io);
  if (!registry) return Exit.NOTHING_PARSED;
  try {
    const user = await findUserByName(registry.db, options.user);
    if (!user) {
      io.stderr.write(`chidao: không có tài khoản "${options.user}" (no account "${options.user}")\n`);
      return Exit.USAGE;
    }
    const { token, info } = await createToken({ db: registry.db, actor: SYSTEM_ACTOR }, user.id, options.name);
    io.stderr.write(`Mã truy cập mới cho ${user.username} (${user.role}), số ${info.id}; chỉ hiện một lần. (New API token for ${user.username}; shown once.)\n`);
    io.stdout.write(`${token}\n`);
    return Exit.OK;
  } catch (e) {
    if (!isChidaoError(e)) throw e;
    io.stderr.write(`chidao: ${e.vi} (${e.en}) [${e.code}]\n`);
    return Exit.NOTHING_PARSED;
  } finally {
    await registry.close();
  }
}
