/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { choose, renderShare, shareStatus, sharedWorkbook } from "../share";

expect.extend(toHaveNoViolations);

describe("Share: accessibility (axe)", () => {
  it("has no violations with nothing chosen, and after a freeze", async () => {
    const { user, container } = await renderShare(sharedWorkbook(), "en-US", true);
    expect(await axe(container)).toHaveNoViolations();
    await choose(user, "Cost allocation");
    await user.click(screen.getByTestId("freeze"));
    await shareStatus();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("has no violations with a failure shown, in Chinese", async () => {
    const workbook = sharedWorkbook();
    workbook.freeze = async () => {
      throw new Error("工作簿受保护。");
    };
    const { user, container } = await renderShare(workbook, "zh-CN", true);
    await choose(user, "Cost allocation");
    await user.click(screen.getByTestId("freeze"));
    expect(await shareStatus()).toBe("无法冻结 Cost allocation：工作簿受保护。未做任何更改。");
    expect(await axe(container)).toHaveNoViolations();
  });

  it("labels the select, and keeps disabled buttons focusable with their reason", async () => {
    await renderShare(sharedWorkbook(), "en-US", true);
    expect(screen.getByRole("combobox", { name: "Sheet to share or restore" })).toBeTruthy();
    const freeze = screen.getByRole("button", { name: "Freeze for sharing" });
    expect(freeze.getAttribute("aria-disabled")).toBe("true");
    freeze.focus();
    expect(document.activeElement).toBe(freeze);
    expect(freeze.getAttribute("aria-describedby")).toBe(screen.getByTestId("share-hint").id);
    expect(screen.getByRole("button", { name: "Refresh the list of sheets to share" })).toBeTruthy();
  });
});
