/**
 * @module commands/tasks
 * `chidao tasks`: the task list from the terminal, filtered like the API's, as the system sees
 * it or (--as NAME) as an account would.
 */
import { isChidaoError, SYSTEM_ACTOR, type Actor, type TaskStatus } from "@chidao/core";
import { actorOf, findUserByName, listTasks, type TaskItem } from "@chidao/work";
import { Exit, type CliIo, type ExitCode } from "../io.js";
import type { TasksCommandOptions } from "../registry-args.js";
import { openRegistry } from "./open-registry.js";

const STATUS_VI: Record<TaskStatus, string> = { proposed: "đề xuất", open: "đang mở", in_progress: "đang làm", done: "xong", cancelled: "đã hủy" };

export async function runTasks(options: TasksCommandOptions, io: CliIo): Promise<ExitCode> {
  const registry = await openRegistry(options.database, io);
  if (!registry) return Exit.NOTHING_PARSED;
  try {
    const actor = await actorFor(registry.db, options.as);
    if (!actor) {
      io.stderr.write(`chidao: không có tài khoản "${options.as}" (no account "${options.as}")\n`);
      return Exit.USAGE;
    }
    const page = await listTasks({ db: registry.db, actor }, filters(options));
    for (const task of page.items) io.stdout.write(options.json ? `${JSON.stringify(task)}\n` : `${line(task)}\n`);
    if (!options.json) io.stderr.write(`${page.items.length} / ${page.total} nhiệm vụ (tasks)\n`);
    return Exit.OK;
  } catch (e) {
    if (!isChidaoError(e)) throw e;
    io.stderr.write(`chidao: ${e.vi} (${e.en}) [${e.code}]\n`);
    return Exit.NOTHING_PARSED;
  } finally {
    await registry.close();
  }
}

async function actorFor(db: Parameters<typeof findUserByName>[0], name: string | undefined): Promise<Actor | null> {
  if (!name) return SYSTEM_ACTOR;
  const user = await findUserByName(db, name);
  return user ? actorOf(db, user) : null;
}

function filters(o: TasksCommandOptions): Parameters<typeof listTasks>[1] {
  return {
    limit: o.limit,
    ...(o.status.length ? { status: o.status as TaskStatus[] } : {}),
    ...(o.overdue ? { overdue: true } : {}),
    ...(o.agencyId ? { agencyId: o.agencyId } : {}),
    ...(o.unitId ? { unitId: o.unitId } : {}),
    ...(o.documentId ? { documentId: o.documentId } : {}),
    ...(o.q ? { q: o.q } : {}),
  };
}

/** "#12 ! 2021-08-15 đang mở   40%  Tăng cường xét nghiệm… — Sở Y tế tỉnh Khánh Hòa". */
function line(task: TaskItem): string {
  const due = task.dueAt ? new Date(task.dueAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10) : "—".padEnd(10);
  const lead = task.lead.map((a) => a.name).join("; ") || "(chưa giao / unassigned)";
  return `#${task.id} ${task.overdue ? "!" : " "} ${due} ${STATUS_VI[task.status].padEnd(8)} ${String(task.percent).padStart(3)}%  ${task.title} — ${lead}`;
}
