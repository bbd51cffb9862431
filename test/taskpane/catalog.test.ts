import {
  catalogFileFor,
  formulaName,
  loadFunctionCatalog,
  matchesQuery,
  parseFunctionMetadata,
} from "../../src/taskpane/catalog";
import { EN_METADATA, fakeFetch, ZH_METADATA } from "./fixtures";

describe("loadFunctionCatalog", () => {
  it("reads functions.json for en-US and keeps id, name, description and help URL", async () => {
    const { fetchImpl, requested } = fakeFetch({ "functions.json": EN_METADATA });
    const catalog = await loadFunctionCatalog("en-US", fetchImpl);
    expect(requested).toEqual(["functions.json"]);
    expect(catalog).toEqual([
      {
        id: "ERLANG_B",
        name: "ERLANG_B",
        description: "Erlang B: probability that a contact is blocked.",
        helpUrl: "https://localhost:3000/docs/functions/ERLANG_B.html",
      },
      {
        id: "ERLANG_C",
        name: "ERLANG_C",
        description: "Erlang C: probability that a contact has to wait.",
        helpUrl: "https://localhost:3000/docs/functions/ERLANG_C.html",
      },
    ]);
  });

  it("reads functions-zh-CN.json for zh-CN, with Chinese names and help pages", async () => {
    const { fetchImpl, requested } = fakeFetch({ "functions-zh-CN.json": ZH_METADATA });
    const catalog = await loadFunctionCatalog("zh-CN", fetchImpl);
    expect(requested).toEqual(["functions-zh-CN.json"]);
    expect(catalog.map((fn) => [fn.id, fn.name, fn.helpUrl])).toEqual([
      ["ERLANG_B", "爱尔兰B", "https://localhost:3000/docs/zh-CN/functions/ERLANG_B.html"],
      ["ERLANG_C", "爱尔兰C", "https://localhost:3000/docs/zh-CN/functions/ERLANG_C.html"],
    ]);
  });

  it("rejects when the file is missing", async () => {
    const { fetchImpl } = fakeFetch({});
    await expect(loadFunctionCatalog("en-US", fetchImpl)).rejects.toThrow("functions.json: HTTP 404");
  });

  it("rejects when fetch itself fails", async () => {
    const offline = () => Promise.reject(new TypeError("Failed to fetch"));
    await expect(loadFunctionCatalog("zh-CN", offline)).rejects.toThrow("Failed to fetch");
  });
});

describe("parseFunctionMetadata", () => {
  it("rejects anything that is not { functions: [...] }", () => {
    expect(() => parseFunctionMetadata(null)).toThrow(/expected \{ functions/);
    expect(() => parseFunctionMetadata({ functions: {} })).toThrow(/expected \{ functions/);
    expect(() => parseFunctionMetadata([EN_METADATA.functions[0]])).toThrow(/expected \{ functions/);
  });

  it("rejects a function without an id or a name, naming its position", () => {
    expect(() => parseFunctionMetadata({ functions: [{ id: "A", name: "A" }, { id: "B" }] })).toThrow(
      "function 2 has no id or name",
    );
    expect(() => parseFunctionMetadata({ functions: [{ id: " ", name: "A" }] })).toThrow("function 1");
  });

  it("tolerates a function without description or help URL", () => {
    expect(parseFunctionMetadata({ functions: [{ id: "NPS", name: "NPS", parameters: [] }] })).toEqual([
      { id: "NPS", name: "NPS", description: "" },
    ]);
  });
});

describe("catalogue helpers", () => {
  it("names files by locale", () => {
    expect(catalogFileFor("en-US")).toBe("functions.json");
    expect(catalogFileFor("zh-CN")).toBe("functions-zh-CN.json");
  });

  it("prefixes the namespace a user types", () => {
    expect(formulaName({ name: "ERLANG_C" })).toBe("SVC.ERLANG_C");
    expect(formulaName({ name: "爱尔兰C" })).toBe("SVC.爱尔兰C");
  });

  it("matches id, typed name and description without regard to case", () => {
    const [erlangB] = parseFunctionMetadata(ZH_METADATA);
    expect(matchesQuery(erlangB, "erlang_b")).toBe(true); // id
    expect(matchesQuery(erlangB, "svc.爱尔兰")).toBe(true); // typed name
    expect(matchesQuery(erlangB, "阻塞")).toBe(true); // description
    expect(matchesQuery(erlangB, "  ")).toBe(true);
    expect(matchesQuery(erlangB, "等待")).toBe(false);
    expect(matchesQuery(erlangB, "erlang_c")).toBe(false);
  });
});
