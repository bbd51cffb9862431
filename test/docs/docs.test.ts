/**
 * The help pages in docs/: every registered function has an English and a Chinese page where its
 * helpUrl points, listed in both function lists, with the sections users look for; and every
 * excel-example block on every page is executed against the function as the build registers it.
 */
import fs from "fs";
import path from "path";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import zhFunctions from "../../src/i18n/zh-CN/functions.json";
import { type Example, exampleName, outcomeProblem, parseExamples, run, toExcelArgument } from "./examples";

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
  /** The level-2 headings every function page must have, in that language. */
  headings: { syntax: string; arguments: string; example: string; errors: string };
}

const LANGUAGES: Language[] = [
  {
    locale: "en-US",
    readme: "docs/README.md",
    headings: { syntax: "Syntax", arguments: "Arguments", example: "Example", errors: "Errors" },
  },
  {
    locale: "zh-CN",
    readme: "docs/zh-CN/README.md",
    headings: { syntax: "语法", arguments: "参数", example: "示例", errors: "错误" },
  },
];

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

/** The page's lines outside fenced code blocks (blanked, so line numbers stay right). */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split(/\r?\n/).map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length) {
      fence = undefined;
      return "";
    }
    return fence === undefined ? line : "";
  });
}

/** Level-2 sections: heading text -> the section's prose. */
function sections(markdown: string): Map<string, string> {
  const result = new Map<string, string>();
  let current: string | undefined;
  for (const line of proseLines(markdown)) {
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading && heading[1].length <= 2) {
      current = heading[1].length === 2 ? heading[2] : undefined;
      if (current !== undefined) result.set(current, "");
    } else if (current !== undefined) {
      result.set(current, `${result.get(current)}${line}\n`);
    }
  }
  return result;
}

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

  it("have the title, syntax, argument, example and error sections, and link back to the list", () => {
    const problems: string[] = [];
    for (const fn of functions) {
      for (const { locale, readme, headings } of LANGUAGES) {
        const page = expectedPage(fn.id, locale);
        if (!exists(page)) continue; // reported above
        const markdown = read(page);
        const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? "";
        if (!title.startsWith(`SVC.${fn.id}`))
          problems.push(`${page}: title "${title}" does not start SVC.${fn.id}`);
        if (locale === "zh-CN") {
          const name = (zhFunctions as Record<string, { name: string }>)[fn.id]?.name;
          if (!name || !title.includes(name))
            problems.push(`${page}: title "${title}" lacks the Chinese name ${name}`);
        }
        const found = sections(markdown);
        for (const heading of Object.values(headings)) {
          if (!found.has(heading)) problems.push(`${page}: no "## ${heading}" section`);
        }
        if (!markdown.includes(syntaxLine(fn))) problems.push(`${page}: syntax ${syntaxLine(fn)} not shown`);
        const argumentsSection = found.get(headings.arguments) ?? "";
        for (const parameter of fn.parameters) {
          if (!argumentsSection.includes(`\`${parameter.name}\``)) {
            problems.push(
              `${page}: argument \`${parameter.name}\` is not described under "${headings.arguments}"`,
            );
          }
        }
        if (!relativeLinks(page, markdown).includes(readme))
          problems.push(`${page}: no link back to ${readme}`);
      }
    }
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
