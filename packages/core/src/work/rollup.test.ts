import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { progressById, rollUp, type RolledTask, type ShareNode, type TaskNode } from "./rollup.js";
import { TASK_STATUSES } from "./status.js";

const share = (id: string, role: "lead" | "support", status: ShareNode["status"], percent?: number, subtasks?: TaskNode[]): ShareNode => ({ id, role, status, percent, subtasks });

describe("rollUp", () => {
  it("a task's percent is the mean of its lead shares; support shares do not gate", () => {
    const r = rollUp({ id: "t", status: "open", shares: [share("a", "lead", "done"), share("b", "lead", "in_progress", 40), share("c", "support", "open")] });
    expect(r.percent).toBe(70);
    expect(r.status).toBe("in_progress");
    const done = rollUp({ id: "t", status: "open", shares: [share("a", "lead", "done"), share("c", "support", "open")] });
    expect(done).toMatchObject({ status: "done", percent: 100 });
  });

  it("leaves cancelled shares out", () => {
    const r = rollUp({ id: "t", status: "open", shares: [share("a", "lead", "done"), share("b", "lead", "cancelled", 10)] });
    expect(r).toMatchObject({ status: "done", percent: 100 });
    expect(rollUp({ id: "t", status: "open", shares: [share("b", "lead", "cancelled")] }).status).toBe("cancelled");
  });

  it("a share takes the larger of its own report and its sub-tasks' mean, and is done only when it says so", () => {
    const sub = (id: string, status: TaskNode["status"], percent: number): TaskNode => ({ id, status: "open", shares: [share(`${id}.s`, "lead", status, percent)] });
    const r = rollUp({ id: "t", status: "open", shares: [share("a", "lead", "open", 10, [sub("x", "done", 100), sub("y", "in_progress", 50), { id: "z", status: "cancelled", shares: [] }])] });
    expect(r.shares[0]).toMatchObject({ status: "in_progress", percent: 75 });
    expect(r.percent).toBe(75);
    const all = rollUp({ id: "t", status: "open", shares: [share("a", "lead", "in_progress", 0, [sub("x", "done", 100)])] });
    expect(all.shares[0]).toMatchObject({ status: "in_progress", percent: 100 });
    expect(all.status).toBe("in_progress");
  });

  it("keeps proposed and open until something moves; the issuer's done or cancelled wins", () => {
    expect(rollUp({ id: "t", status: "proposed", shares: [share("a", "lead", "open")] }).status).toBe("proposed");
    expect(rollUp({ id: "t", status: "open", shares: [share("a", "lead", "open"), share("s", "support", "in_progress", 5)] }).status).toBe("in_progress");
    expect(rollUp({ id: "t", status: "done", shares: [share("a", "lead", "open")] })).toMatchObject({ status: "done", percent: 100 });
    expect(rollUp({ id: "t", status: "cancelled", shares: [share("a", "lead", "done")] }).status).toBe("cancelled");
    expect(rollUp({ id: "t", status: "open", percent: 30, shares: [] })).toMatchObject({ status: "in_progress", percent: 30 });
  });

  it("clamps reported percents", () => {
    expect(rollUp({ id: "t", status: "open", shares: [share("a", "lead", "open", 250), share("b", "lead", "open", -5), share("c", "lead", "open", Number.NaN)] }).percent).toBeCloseTo(100 / 3);
  });

  it("lists every node by id", () => {
    const r = rollUp({ id: "t", status: "open", shares: [share("a", "lead", "open", 20, [{ id: "x", status: "open", shares: [share("x.s", "lead", "done")] }])] });
    expect([...progressById(r).keys()]).toEqual(["t", "a", "x", "x.s"]);
  });
});

describe("rollUp properties", () => {
  const status = fc.constantFrom(...TASK_STATUSES);
  const percent = fc.option(fc.oneof(fc.double({ min: -50, max: 150, noNaN: true }), fc.constant(Number.NaN)), { nil: undefined });
  /** Trees three levels deep: task → shares → sub-tasks → shares → … */
  function taskOf(depth: number): fc.Arbitrary<TaskNode> {
    const subtasks = depth > 0 ? fc.array(taskOf(depth - 1), { maxLength: 2 }) : fc.constant([]);
    const shareArb: fc.Arbitrary<ShareNode> = fc.record({ id: fc.constant("s"), role: fc.constantFrom("lead" as const, "support" as const), status, percent, subtasks });
    return fc.record({ id: fc.constant("t"), status, percent, shares: fc.array(shareArb, { maxLength: 4 }) });
  }
  const task = taskOf(2);

  function everyNode(r: RolledTask, visit: (p: { percent: number }) => void): void {
    visit(r);
    for (const s of r.shares) {
      visit(s);
      for (const t of s.subtasks) everyNode(t, visit);
    }
  }

  it("every percent stays in 0–100", () => {
    fc.assert(fc.property(task, (t) => {
      everyNode(rollUp(t), (p) => {
        expect(p.percent).toBeGreaterThanOrEqual(0);
        expect(p.percent).toBeLessThanOrEqual(100);
      });
    }), { numRuns: 500 });
  });

  it("an open task with a live lead share is done iff every live lead share is done, and then at 100", () => {
    fc.assert(fc.property(task, (t) => {
      fc.pre(t.status !== "done" && t.status !== "cancelled");
      const r = rollUp(t);
      const leads = r.shares.filter((s) => s.role === "lead" && s.status !== "cancelled");
      fc.pre(leads.length > 0);
      expect(r.status === "done").toBe(leads.every((s) => s.status === "done"));
      if (r.status === "done") expect(r.percent).toBe(100);
    }), { numRuns: 500 });
  });

  it("is pure: the same tree rolls up the same, and the input is untouched", () => {
    fc.assert(fc.property(task, (t) => {
      const copy = structuredClone(t);
      expect(rollUp(t)).toEqual(rollUp(copy));
      expect(t).toEqual(copy);
    }), { numRuns: 200 });
  });
});
