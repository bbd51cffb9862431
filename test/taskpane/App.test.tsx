/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { abcWorkbook, FakeWorkbook } from "./fakeWorkbook";
import { EN_METADATA, fakeFetch, ZH_METADATA } from "./fixtures";
import { buildButton, buildStatus, pickTable } from "./builders";
import { renderInPane } from "./render";

describe("App", () => {
  it("shows the English title and intro, then the functions from functions.json", async () => {
    const { fetchImpl, requested } = fakeFetch({ "functions.json": EN_METADATA });
    renderInPane(<App locale="en-US" fetchImpl={fetchImpl} workbook={new FakeWorkbook()} />);

    expect(screen.getByTestId("app").tagName).toBe("MAIN");
    const title = screen.getByTestId("app-title");
    expect(title.tagName).toBe("H1");
    expect(title.textContent).toBe("Service cost modeller");
    expect(screen.getByText(/type =SVC\. in any cell/)).toBeTruthy();
    expect(screen.getByText("Loading functions…")).toBeTruthy();

    await screen.findByTestId("function-list");
    expect(screen.queryByText("Loading functions…")).toBeNull();
    expect(screen.getByTestId("function-ERLANG_B").textContent).toContain("SVC.ERLANG_B");
    expect(requested).toEqual(["functions.json"]);
  });

  it("shows the Chinese title and the functions from functions-zh-CN.json", async () => {
    const { fetchImpl, requested } = fakeFetch({ "functions-zh-CN.json": ZH_METADATA });
    renderInPane(<App locale="zh-CN" fetchImpl={fetchImpl} workbook={new FakeWorkbook()} />);

    expect(screen.getByTestId("app-title").textContent).toBe("客服成本建模");
    expect(screen.getByText("正在加载函数…")).toBeTruthy();
    expect((await screen.findByTestId("function-ERLANG_C")).textContent).toContain("SVC.爱尔兰C");
    expect(requested).toEqual(["functions-zh-CN.json"]);
  });

  it("shows the load error when the metadata cannot be fetched", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    const { fetchImpl } = fakeFetch({});
    renderInPane(<App locale="en-US" fetchImpl={fetchImpl} workbook={new FakeWorkbook()} />);

    const error = await screen.findByTestId("function-list-error");
    expect(error.textContent).toMatch(/could not be loaded/);
    expect(screen.queryByText("Loading functions…")).toBeNull();
    await waitFor(() => expect(consoleError).toHaveBeenCalled());
    consoleError.mockRestore();
  });

  it("shows the model builders on the given workbook, then the functions", async () => {
    const { fetchImpl } = fakeFetch({ "functions.json": EN_METADATA });
    renderInPane(<App locale="en-US" fetchImpl={fetchImpl} workbook={abcWorkbook()} />);

    const builders = await screen.findByRole("region", { name: "Model builders" });
    const functions = screen.getByRole("region", { name: "Functions" });
    expect(builders.compareDocumentPosition(functions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(await screen.findByTestId("builder-tab-abc")).toBeTruthy();
    expect(screen.getByTestId("builder-hint").textContent).toMatch(/cost ledger/);
    await screen.findByTestId("function-list");
  });

  it("shows the Share section after the builders, and lists a model sheet once it is built", async () => {
    const { fetchImpl } = fakeFetch({ "functions.json": EN_METADATA });
    const user = userEvent.setup();
    renderInPane(<App locale="en-US" fetchImpl={fetchImpl} workbook={abcWorkbook()} />);

    const builders = await screen.findByRole("region", { name: "Model builders" });
    const share = screen.getByRole("region", { name: "Share" });
    expect(builders.compareDocumentPosition(share) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const select = within(share).getByTestId("share-sheet");
    await within(select).findByRole("option", { name: "No model sheets yet: build one above" });
    await pickTable(user, "ledger", "CostLedger");
    await pickTable(user, "log", "ContactLog");
    await user.click(buildButton());
    await buildStatus();
    expect(await within(select).findByRole("option", { name: "Cost allocation" })).toBeTruthy();
    await screen.findByTestId("function-list");
  });
});
