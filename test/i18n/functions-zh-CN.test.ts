/** functions-zh-CN.json is generated from src/i18n; a function or parameter without Chinese fails. */
import zhFunctions from "../../src/i18n/zh-CN/functions.json";
import { functionMetadata } from "../support/registry";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizedMetadata, missingTranslations } = require("../../scripts/lib/addin-metadata.js");

const metadata = functionMetadata();

describe("zh-CN function metadata", () => {
  it("has a Chinese name and description for every function and parameter", () => {
    expect(missingTranslations(metadata, zhFunctions)).toEqual([]);
  });

  it("keeps ids, parameter order and types, and points help at the Chinese pages", () => {
    const localized = localizedMetadata(metadata, zhFunctions, "zh-CN");
    expect(localized.functions.map((fn: { id: string }) => fn.id)).toEqual(
      metadata.functions.map((fn) => fn.id),
    );
    localized.functions.forEach((fn: (typeof metadata.functions)[number], i: number) => {
      const original = metadata.functions[i];
      expect(fn.name).toBe(zhFunctions[fn.id as keyof typeof zhFunctions].name);
      expect(fn.name).toMatch(/[\u4e00-\u9fff]/);
      expect(fn.parameters.map((p) => [p.type, p.dimensionality, p.optional])).toEqual(
        original.parameters.map((p) => [p.type, p.dimensionality, p.optional]),
      );
      expect(fn.helpUrl).toBe(original.helpUrl?.replace("/docs/functions/", "/docs/zh-CN/functions/"));
    });
  });

  it("fails the build when a translation is missing", () => {
    const incomplete = structuredClone(zhFunctions) as Record<
      string,
      { parameters: Record<string, unknown> }
    >;
    delete incomplete.ERLANG_C.parameters.traffic;
    expect(missingTranslations(metadata, incomplete)).toEqual([
      "ERLANG_C.traffic: name",
      "ERLANG_C.traffic: description",
    ]);
    expect(() => localizedMetadata(metadata, incomplete, "zh-CN")).toThrow(/ERLANG_C.traffic: name/);
  });
});
