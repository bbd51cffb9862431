/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { paneStrings } from "../../../src/i18n/strings";
import { parseFunctionMetadata } from "../../../src/taskpane/catalog";
import { FunctionList } from "../../../src/taskpane/components/FunctionList";
import { EN_METADATA, ZH_METADATA } from "../fixtures";
import { renderInPane } from "../render";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

function renderReady(metadata: unknown, strings = en) {
  const functions = parseFunctionMetadata(metadata);
  return renderInPane(<FunctionList catalog={{ status: "ready", functions }} strings={strings} />);
}

function listedIds(): string[] {
  return within(screen.getByTestId("function-list"))
    .getAllByRole("listitem")
    .map((item) => item.getAttribute("data-testid") ?? "");
}

describe("FunctionList in en-US", () => {
  it("lists each function as typed, with its description and help link", () => {
    renderReady(EN_METADATA);
    expect(listedIds()).toEqual(["function-ERLANG_B", "function-ERLANG_C"]);

    const item = screen.getByTestId("function-ERLANG_C");
    expect(within(item).getByText("SVC.ERLANG_C")).toBeTruthy();
    expect(within(item).getByText("Erlang C: probability that a contact has to wait.")).toBeTruthy();

    const help = screen.getByTestId("help-ERLANG_C");
    expect(help.tagName).toBe("A");
    expect(help.textContent).toBe("Help");
    expect(help.getAttribute("href")).toBe("https://localhost:3000/docs/functions/ERLANG_C.html");
    expect(help.getAttribute("target")).toBe("_blank");
    expect(help.getAttribute("rel")).toBe("noopener");
    expect(screen.getByRole("link", { name: "Help for SVC.ERLANG_C" })).toBe(help);
  });

  it("labels the list with its heading and the search box with its label", () => {
    renderReady(EN_METADATA);
    expect(screen.getByRole("list", { name: "Functions" })).toBe(screen.getByTestId("function-list"));
    expect(screen.getByRole("searchbox", { name: "Search functions" })).toBe(
      screen.getByTestId("function-search"),
    );
  });

  it("omits the help link of a function that has no help page", () => {
    renderReady({ functions: [{ id: "NPS", name: "NPS", description: "Net promoter score." }] });
    expect(screen.getByTestId("function-NPS").textContent).toContain("SVC.NPS");
    expect(screen.queryByTestId("help-NPS")).toBeNull();
  });
});

describe("FunctionList in zh-CN", () => {
  it("shows Chinese names, descriptions, labels and help pages", () => {
    renderReady(ZH_METADATA, zh);
    const item = screen.getByTestId("function-ERLANG_B");
    expect(within(item).getByText("SVC.爱尔兰B")).toBeTruthy();
    expect(within(item).getByText("爱尔兰 B：来话被阻塞的概率。")).toBeTruthy();

    const help = screen.getByRole("link", { name: "SVC.爱尔兰B 的帮助" });
    expect(help).toBe(screen.getByTestId("help-ERLANG_B"));
    expect(help.textContent).toBe("帮助");
    expect(help.getAttribute("href")).toBe("https://localhost:3000/docs/zh-CN/functions/ERLANG_B.html");
    expect(screen.getByRole("list", { name: "函数" })).toBeTruthy();
    expect(screen.getByRole("searchbox", { name: "搜索函数" })).toBeTruthy();
  });
});

describe("FunctionList search", () => {
  function search(text: string) {
    fireEvent.change(screen.getByTestId("function-search"), { target: { value: text } });
  }

  it("filters by id, typed name and description", () => {
    renderReady(ZH_METADATA, zh);
    search("erlang_c");
    expect(listedIds()).toEqual(["function-ERLANG_C"]);
    search("SVC.爱尔兰B");
    expect(listedIds()).toEqual(["function-ERLANG_B"]);
    search("等待");
    expect(listedIds()).toEqual(["function-ERLANG_C"]);
    search("");
    expect(listedIds()).toEqual(["function-ERLANG_B", "function-ERLANG_C"]);
  });

  it("says so when nothing matches", () => {
    renderReady(EN_METADATA);
    search("payback");
    expect(screen.queryByTestId("function-list")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("No function matches “payback”.");
  });
});

describe("FunctionList while loading and after a failure", () => {
  it("shows a spinner and no list while loading", () => {
    renderInPane(<FunctionList catalog={{ status: "loading" }} strings={en} />);
    expect(screen.getByText("Loading functions…")).toBeTruthy();
    expect(screen.queryByTestId("function-list")).toBeNull();
    expect(screen.queryByTestId("function-list-error")).toBeNull();
  });

  it.each([
    ["en-US", en],
    ["zh-CN", zh],
  ])("shows the %s error message when loading failed", (_locale, strings) => {
    renderInPane(
      <FunctionList catalog={{ status: "failed", error: new Error("HTTP 404") }} strings={strings} />,
    );
    expect(screen.getByTestId("function-list-error").textContent).toBe(strings.loadError);
    expect(screen.queryByTestId("function-list")).toBeNull();
    expect(screen.queryByTestId("function-search")).toBeNull();
  });
});
