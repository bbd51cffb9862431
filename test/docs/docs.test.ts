/**
 * The help pages in docs/: every registered function has an English and a Chinese page where its
 * helpUrl points, listed in both function lists, with the sections users look for (what it
 * returns, its arguments with their units, its definition, an example, its errors with their
 * causes); and every excel-example block on every page is executed against the function as the
 * build registers it.
 */
import fs from "fs";
import path from "path";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import zhFunctions from "../../src/i18n/zh-CN/functions.json";
import {
  type Example,
  ErrorLiteral,
  exampleName,
  outcomeProblem,
  parseExamples,
  run,
  toExcelArgument,
} from "./examples";
import { codeSpans, proseLines, type Section, sectionList, tables } from "./markdown";
import { messagePatterns } from "./messages";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSourceFiles } = require("../../scripts/lib/function-sources.js") as {
  functionSourceFiles: () => string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizedHelpUrl } = require("../../scripts/lib/addin-metadata.js") as {
  localizedHelpUrl: (helpUrl: string, locale: string) => string;
};

const ROOT = path.resolve(__dirname, "../..");

type Locale = "en-US" | "zh-CN";
interface Language {
  locale: Locale;
  /** The function list, relative to the repository. */
  readme: string;
  /** The level-2 headings every function page must have, in that language and in this order. */
  headings: { syntax: string; arguments: string; definition: string; example: string; errors: string };
  /** The word the Syntax section uses to say what the function returns. */
  returns: string;
  /** The header of the arguments table: argument, unit, rules. */
  argumentsHeader: [string, string, string];
  /** The header of the errors table: error, cause, and the message column's first word. */
  errorsHeader: [string, string, string];
  /** What the message column says for an error that carries no message. */
  noMessage: string;
}

const LANGUAGES: Language[] = [
  {
    locale: "en-US",
    readme: "docs/README.md",
    headings: {
      syntax: "Syntax",
      arguments: "Arguments",
      definition: "Definition",
      example: "Example",
      errors: "Errors",
    },
    returns: "Returns",
    argumentsHeader: ["Argument", "Unit", "Rules"],
    errorsHeader: ["Error", "Cause", "Message"],
    noMessage: "none",
  },
  {
    locale: "zh-CN",
    readme: "docs/zh-CN/README.md",
    headings: {
      syntax: "语法",
      arguments: "参数",
      definition: "定义与公式",
      example: "示例",
      errors: "错误",
    },
    returns: "返回",
    argumentsHeader: ["参数", "单位", "规则"],
    errorsHeader: ["错误", "原因", "提示信息"],
    noMessage: "无",
  },
];

/**
 * The errors every function can return: its own #VALUE! and #NUM!, and the #N/A and #DIV/0! of an
 * input cell, which pass through (several functions also give #DIV/0! themselves). Excel shows a
 * custom message only with #VALUE! and #N/A (src/functions/excel.ts).
 */
const ERRORS = ["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"];
const ERRORS_WITH_MESSAGE = new Set(["#VALUE!", "#N/A"]);
const errorCodesIn = (cell: string) => cell.match(/#(?:VALUE!|NUM!|N\/A|DIV\/0!|REF!|NAME\?|NULL!)/g) ?? [];

/** Every Markdown file under docs/, as repository-relative paths with forward slashes. */
function markdownFiles(dir = "docs"): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return markdownFiles(relative);
    return entry.name.endsWith(".md") ? [relative] : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const exists = (file: string) => fs.existsSync(path.join(ROOT, file));

/** Targets of the page's relative links, resolved to repository paths (anchors dropped). */
function relativeLinks(file: string, markdown: string): string[] {
  const prose = proseLines(markdown).join("\n");
  return [...prose.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#"))
    .map((target) => path.posix.normalize(path.posix.join(path.posix.dirname(file), target.split("#")[0])));
}

/** The page a function's help URL opens in a language, as the Markdown file it is rendered from. */
function helpPage(fn: IFunction, locale: Locale): string | undefined {
  if (!fn.helpUrl) return undefined;
  const url = locale === "en-US" ? fn.helpUrl : localizedHelpUrl(fn.helpUrl, locale);
  const page = decodeURI(new URL(url).pathname).replace(/^\//, "");
  return page.endsWith("/index.html")
    ? page.replace(/index\.html$/, "README.md")
    : page.replace(/\.html$/, ".md");
}

const expectedPage = (id: string, locale: Locale) =>
  locale === "en-US" ? `docs/functions/${id}.md` : `docs/${locale}/functions/${id}.md`;

/** "=SVC.ID(a, [b])" from the metadata: the syntax line every page must show. */
const syntaxLine = (fn: IFunction) =>
  `=SVC.${fn.id}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;

interface PageContext {
  fn: IFunction;
  locale: Locale;
  language: Language;
  page: string;
  markdown: string;
  /** The page's level-2 section with that heading, if there is one. */
  section: (heading: string) => Section | undefined;
}

/** Runs check on every function page that exists (missing pages are reported on their own). */
function forEachPage(check: (context: PageContext) => void) {
  for (const fn of functions) {
    for (const language of LANGUAGES) {
      const page = expectedPage(fn.id, language.locale);
      if (!exists(page)) continue;
      const markdown = read(page);
      const list = sectionList(markdown);
      const section = (heading: string) => list.find((candidate) => candidate.heading === heading);
      check({ fn, locale: language.locale, language, page, markdown, section });
    }
  }
}

// Example blocks are read when the file loads so that each one becomes its own test.
const pages = markdownFiles();
const parsed = pages.map((file) => parseExamples(read(file), file));
const examples: Example[] = parsed.flatMap((p) => p.examples);
const exampleProblems = parsed.flatMap((p) => p.problems);

let functions: IFunction[] = [];
const calls = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(functionSourceFiles(), true);
  if (generated.errors.length > 0) throw new Error(`function metadata: ${generated.errors.join("; ")}`);
  if (!generated.metadataJson) throw new Error("no custom functions found in src/functions");
  functions = (JSON.parse(generated.metadataJson) as { functions: IFunction[] }).functions;
  for (const { id, functionName, sourceFileName } of generated.associate) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const call = (require(sourceFileName) as Record<string, unknown>)[functionName];
    if (typeof call !== "function")
      throw new Error(`${id}: ${functionName} is not exported by ${sourceFileName}`);
    calls.set(id, call as (...args: unknown[]) => unknown);
  }
});

describe("help pages", () => {
  it("exist in English and Chinese where each function's helpUrl points", () => {
    expect(functions.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const fn of functions) {
      for (const { locale } of LANGUAGES) {
        const page = helpPage(fn, locale);
        const expected = expectedPage(fn.id, locale);
        if (page !== expected)
          problems.push(`${fn.id}: ${locale} helpUrl opens ${page}, expected ${expected}`);
        else if (!exists(page)) problems.push(`${fn.id}: ${page} is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("are listed in both function lists, which link to each other", () => {
    const problems: string[] = [];
    for (const { locale, readme } of LANGUAGES) {
      if (!exists(readme)) {
        problems.push(`${readme} is missing`);
        continue;
      }
      const links = relativeLinks(readme, read(readme));
      for (const fn of functions) {
        const page = expectedPage(fn.id, locale);
        if (!links.includes(page)) problems.push(`${readme} does not link SVC.${fn.id} (${page})`);
      }
      for (const other of LANGUAGES.filter((language) => language.locale !== locale)) {
        if (!links.includes(other.readme)) problems.push(`${readme} does not link ${other.readme}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("have the title, syntax, argument, definition, example and error sections, in that order, and link back to the list", () => {
    const problems: string[] = [];
    forEachPage(({ fn, locale, page, markdown, language }) => {
      const { readme, headings } = language;
      const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? "";
      if (!title.startsWith(`SVC.${fn.id}`))
        problems.push(`${page}: title "${title}" does not start SVC.${fn.id}`);
      if (locale === "zh-CN") {
        const name = (zhFunctions as Record<string, { name: string }>)[fn.id]?.name;
        if (!name || !title.includes(name))
          problems.push(`${page}: title "${title}" lacks the Chinese name ${name}`);
      }
      const found = sectionList(markdown).map((section) => section.heading);
      const required = Object.values(headings);
      for (const heading of required) {
        if (!found.includes(heading)) problems.push(`${page}: no "## ${heading}" section`);
      }
      for (const heading of required) {
        if (found.indexOf(heading) !== found.lastIndexOf(heading))
          problems.push(`${page}: "## ${heading}" appears more than once`);
      }
      const order = found.filter((heading) => required.includes(heading));
      const expected = required.filter((heading) => found.includes(heading));
      if ([...new Set(order)].join(", ") !== expected.join(", "))
        problems.push(`${page}: sections in the order ${order.join(", ")}; expected ${required.join(", ")}`);
      if (!markdown.includes(syntaxLine(fn))) problems.push(`${page}: syntax ${syntaxLine(fn)} not shown`);
      if (!relativeLinks(page, markdown).includes(readme))
        problems.push(`${page}: no link back to ${readme}`);
    });
    expect(problems).toEqual([]);
  });

  it("say under Syntax what the function returns", () => {
    const problems: string[] = [];
    forEachPage(({ page, language, section }) => {
      if (!section(language.headings.syntax)?.prose.includes(language.returns))
        problems.push(
          `${page}: the "${language.headings.syntax}" section does not say what it ${language.returns}`,
        );
    });
    expect(problems).toEqual([]);
  });

  it("give every argument, with its unit, in the arguments table", () => {
    const problems: string[] = [];
    forEachPage(({ fn, page, language, section }) => {
      const { headings, argumentsHeader } = language;
      const table = tables(section(headings.arguments)?.prose ?? "")[0];
      if (!table || table.header.slice(0, 3).join("|") !== argumentsHeader.join("|")) {
        problems.push(`${page}: "${headings.arguments}" has no table headed ${argumentsHeader.join(" | ")}`);
        return;
      }
      const named = table.rows.map((row) => /^`([^`]+)`/.exec(row[0] ?? "")?.[1]);
      for (const parameter of fn.parameters) {
        const rows = table.rows.filter((_, i) => named[i] === parameter.name);
        if (rows.length !== 1) {
          problems.push(
            `${page}: argument \`${parameter.name}\` has ${rows.length} rows in the arguments table`,
          );
        } else {
          if (!rows[0][1]) problems.push(`${page}: argument \`${parameter.name}\` has no unit`);
          if (!rows[0][2]) problems.push(`${page}: argument \`${parameter.name}\` has no rules`);
        }
      }
      table.rows.forEach((row, i) => {
        if (!fn.parameters.some((parameter) => parameter.name === named[i]))
          problems.push(`${page}: the arguments table lists ${row[0]}, not an argument of SVC.${fn.id}`);
      });
    });
    expect(problems).toEqual([]);
  });

  it("define what the function computes", () => {
    const problems: string[] = [];
    forEachPage(({ page, language, section }) => {
      // Prose, a formula block or both: at least a sentence's worth.
      const text = section(language.headings.definition)?.text.replace(/\s+/g, "") ?? "";
      if (text.length < 40)
        problems.push(`${page}: the "${language.headings.definition}" section is (nearly) empty`);
    });
    expect(problems).toEqual([]);
  });

  it("list every error the function can return, with its cause, in the errors table", () => {
    const problems: string[] = [];
    forEachPage(({ page, language, section }) => {
      const { headings, errorsHeader, noMessage } = language;
      const table = tables(section(headings.errors)?.prose ?? "")[0];
      if (
        !table ||
        table.header[0] !== errorsHeader[0] ||
        table.header[1] !== errorsHeader[1] ||
        !table.header[2]?.startsWith(errorsHeader[2])
      ) {
        problems.push(`${page}: "${headings.errors}" has no table headed ${errorsHeader.join(" | ")}`);
        return;
      }
      for (const row of table.rows) {
        const codes = errorCodesIn(row[0] ?? "");
        const where = `${page}: errors row "${row[0]}"`;
        if (codes.length === 0 || codes.some((code) => !ERRORS.includes(code)))
          problems.push(`${where} does not name errors among ${ERRORS.join(", ")}`);
        if (!row[1]) problems.push(`${where} gives no cause`);
        const message = row[2] ?? "";
        if (codes.some((code) => ERRORS_WITH_MESSAGE.has(code))) {
          if (codeSpans(message).length === 0) problems.push(`${where} quotes no message`);
        } else if (message !== noMessage) {
          problems.push(
            `${where}: Excel shows no message with ${codes.join(", ")}, so the message is "${noMessage}"`,
          );
        }
      }
      const listed = new Set(table.rows.flatMap((row) => errorCodesIn(row[0] ?? "")));
      for (const code of ERRORS)
        if (!listed.has(code)) problems.push(`${page}: the errors table has no ${code}`);
    });
    expect(problems).toEqual([]);
  });

  it("quote only messages the functions can show", () => {
    const patterns = new Map(LANGUAGES.map(({ locale }) => [locale, messagePatterns(locale)]));
    expect(patterns.get("en-US")?.length).toBeGreaterThan(0);
    const problems: string[] = [];
    forEachPage(({ page, locale, language, section }) => {
      const table = tables(section(language.headings.errors)?.prose ?? "")[0];
      for (const row of table?.rows ?? []) {
        for (const message of codeSpans(row[2] ?? "")) {
          if (!patterns.get(locale)?.some((pattern) => pattern.test(message)))
            problems.push(`${page}: "${message}" is not a message of src/engine/core/messages.ts`);
        }
      }
    });
    expect(problems).toEqual([]);
  });

  it("belong to registered functions", () => {
    const known = new Set(
      functions.flatMap((fn) => LANGUAGES.map(({ locale }) => expectedPage(fn.id, locale))),
    );
    const orphans = pages.filter((page) => /\/functions\/[^/]+\.md$/.test(page) && !known.has(page));
    expect(orphans).toEqual([]);
  });

  it("link only to files that exist", () => {
    const broken = pages.flatMap((page) =>
      relativeLinks(page, read(page))
        .filter((target) => !exists(target))
        .map((target) => `${page} links ${target}`),
    );
    expect(broken).toEqual([]);
  });
});

describe("excel-example blocks", () => {
  it("parse", () => {
    expect(exampleProblems).toEqual([]);
  });

  it("appear on every function page, for that page's function", () => {
    const problems: string[] = [];
    for (const fn of functions) {
      for (const { locale } of LANGUAGES) {
        const page = expectedPage(fn.id, locale);
        if (exists(page) && !examples.some((e) => e.file === page && e.functionId === fn.id)) {
          problems.push(`${page}: no excel-example calling SVC.${fn.id}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  const errorsIn = (example: Example) =>
    example.expected.flat().flatMap((cell) => (cell instanceof ErrorLiteral ? [cell.code] : []));
  const within = (example: Example, section: Section | undefined) =>
    section !== undefined && example.line > section.line && example.line <= section.end;

  it("show the function working under Example and failing under Errors", () => {
    const problems: string[] = [];
    forEachPage(({ fn, page, language, section }) => {
      const own = examples.filter((e) => e.file === page && e.functionId === fn.id);
      const { example, errors } = language.headings;
      if (!own.some((e) => within(e, section(example)) && errorsIn(e).length === 0))
        problems.push(`${page}: no excel-example under "${example}" with a result that is not an error`);
      if (!own.some((e) => within(e, section(errors)) && errorsIn(e).length > 0))
        problems.push(`${page}: no excel-example under "${errors}" returning an error`);
    });
    expect(problems).toEqual([]);
  });

  it("return only errors that the page's errors table lists", () => {
    const problems: string[] = [];
    forEachPage(({ fn, page, language, section }) => {
      const table = tables(section(language.headings.errors)?.prose ?? "")[0];
      const listed = new Set((table?.rows ?? []).flatMap((row) => errorCodesIn(row[0] ?? "")));
      for (const example of examples.filter((e) => e.file === page && e.functionId === fn.id)) {
        for (const code of new Set(errorsIn(example))) {
          if (!listed.has(code))
            problems.push(`${exampleName(example)} returns ${code}, which the errors table lacks`);
        }
      }
    });
    expect(problems).toEqual([]);
  });

  it("are the same on the English and the Chinese page", () => {
    const shown = (page: string) =>
      examples.filter((e) => e.file === page).map((e) => `${e.formula} -> ${e.expectedText}`);
    for (const fn of functions) {
      const [english, ...others] = LANGUAGES.map(({ locale }) => expectedPage(fn.id, locale));
      for (const other of others)
        expect({ page: other, examples: shown(other) }).toEqual({ page: other, examples: shown(english) });
    }
  });

  const arity = (min: number, max: number) => (min === max ? `${min}` : `${min} to ${max}`);

  const runExample = (example: Example) => {
    const where = exampleName(example);
    const fn = functions.find((candidate) => candidate.id === example.functionId);
    const call = calls.get(example.functionId);
    if (!fn || !call) throw new Error(`${where}: SVC.${example.functionId} is not a registered function`);
    const required = fn.parameters.filter((p) => !p.optional).length;
    if (example.args.length < required || example.args.length > fn.parameters.length) {
      throw new Error(
        `${where}: ${example.args.length} arguments; ${syntaxLine(fn)} takes ${arity(required, fn.parameters.length)}`,
      );
    }
    // Excel passes null for an omitted optional argument.
    const args = fn.parameters.map((_, i) => toExcelArgument(example.args[i] ?? null));
    const outcome = run(call, args);
    const problem = outcomeProblem(outcome, example.expected);
    if (problem) throw new Error(`${where}\n  expected ${example.expectedText}\n  ${problem}`);
  };

  if (examples.length === 0) {
    it("exist", () => {
      throw new Error("no excel-example blocks found under docs/");
    });
  } else {
    it.each(examples.map((example) => [exampleName(example), example] as const))("%s", (_, example) => {
      runExample(example);
    });
  }
});
