/** The pane ships every string in en-US and zh-CN; a key missing or left empty in either fails. */
import enUS from "../../src/i18n/en-US/pane.json";
import zhCN from "../../src/i18n/zh-CN/pane.json";
import { fillPlaceholders, paneStrings } from "../../src/i18n/strings";

const dictionaries: Record<string, Record<string, unknown>> = { "en-US": enUS, "zh-CN": zhCN };

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe("pane strings", () => {
  it("has exactly the same keys in en-US and zh-CN", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(enUS).sort());
  });

  it.each(Object.entries(dictionaries))("%s has a non-empty string for every key", (_locale, dictionary) => {
    const blank = Object.entries(dictionary)
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key]) => key);
    expect(blank).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(enUS) as (keyof typeof enUS)[]) {
      expect([key, placeholders(zhCN[key])]).toEqual([key, placeholders(enUS[key])]);
    }
  });

  it("has Chinese text in every zh-CN string", () => {
    const untranslated = Object.entries(zhCN)
      .filter(([, value]) => !/[\u4e00-\u9fff]/.test(value))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it("returns the dictionary for each locale", () => {
    expect(paneStrings("en-US").productName).toBe("Service cost modeller");
    expect(paneStrings("zh-CN").productName).toBe("客服成本建模");
  });
});

describe("fillPlaceholders", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(fillPlaceholders("Help for {name}", { name: "SVC.ERLANG_C" })).toBe("Help for SVC.ERLANG_C");
    expect(fillPlaceholders("{name} 的帮助 {other}", { name: "SVC.爱尔兰C" })).toBe(
      "SVC.爱尔兰C 的帮助 {other}",
    );
  });
});
