/** The invariant checker itself must catch broken records, or the fuzz suites prove nothing. */
import { parseDocument, type DocumentRecord } from "@chidao/core";
import { describe, expect, it } from "vitest";
import { assertRecordShape, isIsoDate } from "./support.js";

const good = (): DocumentRecord => parseDocument("Số: 1/UBND\nngày 18 tháng 6 năm 2021");

describe("assertRecordShape", () => {
  it("accepts a sound record", () => {
    expect(() => assertRecordShape(good())).not.toThrow();
  });

  it.each<[string, (r: DocumentRecord) => void]>([
    ["a span past the end", (r) => (r.spans.code = { start: 0, end: r.text.length + 1 })],
    ["a negative span", (r) => (r.spans.code = { start: -1, end: 2 })],
    ["a reversed span", (r) => (r.spans.code = { start: 5, end: 2 })],
    ["a span deep in a task", (r) => r.tasks.push({ ref: "1", text: "", lead: [], support: [], deadline: null, deadlineText: null, reportTo: [], span: { start: 0, end: 1e9 }, leadMentions: [], supportMentions: [] })],
    ["an impossible date", (r) => (r.date = "2021-02-30")],
    ["a date not in ISO form", (r) => (r.date = "18/06/2021")],
    ["a list that is not an array", (r) => Object.assign(r, { recipients: "Sở Y tế" })],
    ["an unknown system", (r) => Object.assign(r, { system: "province" })],
  ])("rejects %s", (_, breakIt) => {
    const r = good();
    breakIt(r);
    expect(() => assertRecordShape(r)).toThrow();
  });
});

describe("isIsoDate", () => {
  it("knows leap years", () => {
    expect(isIsoDate("2020-02-29")).toBe(true);
    expect(isIsoDate("2021-02-29")).toBe(false);
    expect(isIsoDate("2021-13-01")).toBe(false);
  });
});
