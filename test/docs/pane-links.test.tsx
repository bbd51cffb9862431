/** @jest-environment jsdom */
/**
 * The task pane's function list links every function's help page: the metadata the build emits
 * (functions.json, functions-zh-CN.json, with the public URL of a production build), read by the
 * pane's catalogue loader and rendered by FunctionList, gives each of the registered functions a
 * Help link to the page rendered from its docs/ Markdown, in the pane's language.
 */
import { screen, within } from "@testing-library/react";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import pkg from "../../package.json";
import zhDictionary from "../../src/i18n/zh-CN/functions.json";
import { paneStrings } from "../../src/i18n/strings";
import { type CatalogFunction, parseFunctionMetadata } from "../../src/taskpane/catalog";
import { FunctionList } from "../../src/taskpane/components/FunctionList";
import { renderInPane } from "../taskpane/render";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionSourceFiles } = require("../../scripts/lib/function-sources.js") as {
  functionSourceFiles: () => string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizedMetadata, withPublicUrl } = require("../../scripts/lib/addin-metadata.js") as {
  localizedMetadata: (metadata: unknown, dictionary: unknown, locale: string) => unknown;
  withPublicUrl: (text: string, publicUrl: string) => string;
};
// render-docs.js requires marked, whose package exports only an ES module; Jest loads CommonJS,
// so it gets marked's UMD build, the same parser.
jest.mock("marked", () =>
  jest.requireActual(
    jest
      .requireActual<typeof import("path")>("path")
      .resolve(__dirname, "../../node_modules/marked/lib/marked.umd.js"),
  ),
);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderDocs } = require("../../scripts/lib/render-docs.js") as {
  renderDocs: () => { file: string; html: string }[];
};

const LOCALES = [
  { locale: "en-US", folder: "docs/functions" },
  { locale: "zh-CN", folder: "docs/zh-CN/functions" },
] as const;
const PUBLIC_URL = pkg.config.public_url.replace(/\/?$/, "/");

let ids: string[] = [];
/** The catalogue each pane language loads, from the production copy of the metadata. */
const catalogs = new Map<string, CatalogFunction[]>();
/** Rendered help pages by path (docs/functions/ERLANG_C.html), as the build writes them to dist/. */
let rendered = new Map<string, string>();

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(functionSourceFiles(), true);
  if (generated.errors.length > 0) throw new Error(`function metadata: ${generated.errors.join("; ")}`);
  const english = JSON.parse(generated.metadataJson) as { functions: IFunction[] };
  ids = english.functions.map((fn) => fn.id);
  for (const { locale } of LOCALES) {
    const metadata = locale === "en-US" ? english : localizedMetadata(english, zhDictionary, locale);
    const published = withPublicUrl(JSON.stringify(metadata), PUBLIC_URL);
    catalogs.set(locale, parseFunctionMetadata(JSON.parse(published), `functions (${locale})`));
  }
  rendered = new Map(renderDocs().map(({ file, html }) => [file, html]));
});

describe.each(LOCALES)("the $locale function list", ({ locale, folder }) => {
  it("lists every registered function with a Help link to its rendered help page", () => {
    expect(ids.length).toBeGreaterThan(0);
    renderInPane(
      <FunctionList
        catalog={{ status: "ready", functions: catalogs.get(locale) ?? [] }}
        strings={paneStrings(locale)}
      />,
    );
    const list = screen.getByTestId("function-list");
    const problems: string[] = [];
    for (const id of ids) {
      const link = within(list).queryByTestId(`help-${id}`);
      const href = link?.getAttribute("href");
      if (!href) {
        problems.push(`${id}: no help link`);
        continue;
      }
      const expected = `${folder}/${id}.html`;
      if (href !== `${PUBLIC_URL}${expected}`) {
        problems.push(`${id}: links ${href}, expected ${PUBLIC_URL}${expected}`);
        continue;
      }
      const page = rendered.get(expected);
      const title = page ? /<h1[^>]*>([^<]*)<\/h1>/.exec(page)?.[1] : undefined;
      if (!page) problems.push(`${id}: ${expected} is not rendered from docs/`);
      else if (!title?.startsWith(`SVC.${id}`)) problems.push(`${id}: ${expected} is titled "${title}"`);
    }
    expect(problems).toEqual([]);
  });
});
