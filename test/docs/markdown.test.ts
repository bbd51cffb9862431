/** The Markdown reading and the message catalogue that the help-page structure rules rely on. */
import { codeSpans, sectionList, tableCells, tables } from "./markdown";
import { messageKeys, messagePatterns } from "./messages";

const page = (...lines: string[]) => lines.join("\n");

describe("sectionList", () => {
  it("gives each level-2 section its lines, prose and text, ignoring headings inside code", () => {
    const markdown = page(
      "# Title", //           1
      "Intro", //             2
      "## Syntax", //         3
      "Returns x.", //        4
      "```", //               5
      "## not a heading", //  6
      "```", //               7
      "## Errors", //         8
      "| a | b |", //         9
    );
    const found = sectionList(markdown);
    expect(found.map(({ heading, line, end }) => [heading, line, end])).toEqual([
      ["Syntax", 3, 7],
      ["Errors", 8, 9],
    ]);
    expect(found[0].prose).not.toContain("not a heading");
    expect(found[0].text).toContain("## not a heading");
  });
});

describe("tables", () => {
  it("reads header and rows, keeping escaped pipes inside their cell", () => {
    expect(tableCells("| `a` | x \\| y |  |")).toEqual(["`a`", "x \\| y", ""]);
    const prose = page("text", "| A | B |", "| --- | :-: |", "| 1 | 2 |", "", "| not | a table |");
    expect(tables(prose)).toEqual([{ header: ["A", "B"], rows: [["1", "2"]] }]);
  });

  it("finds code spans", () => {
    expect(codeSpans("`a; row 2 is 1`, `b`")).toEqual(["a; row 2 is 1", "b"]);
  });
});

describe("messagePatterns", () => {
  it("reads every template of the catalogue", () => {
    expect(messageKeys()).toEqual(expect.arrayContaining(["mustBe", "inputError", "noAgents"]));
  });

  it("match the messages the engine renders, in both languages, and nothing else", () => {
    const en = messagePatterns("en-US");
    const zh = messagePatterns("zh-CN");
    const matches = (patterns: RegExp[], text: string) => patterns.some((pattern) => pattern.test(text));
    expect(matches(en, "agents must be a whole number >= 0; row 3 is 14.5")).toBe(true);
    expect(matches(en, "agents row 2, column 3 holds the error #REF!")).toBe(true);
    expect(matches(zh, "agents 必须为大于等于 0 的整数；第 3 行为 14.5")).toBe(true);
    expect(matches(en, "agents must be a whole number; row 3 is 14.5")).toBe(false);
    expect(matches(en, "... row 2 is 90")).toBe(false);
    expect(matches(zh, "agents must be a whole number >= 0; row 3 is 14.5")).toBe(false);
  });
});
