/** Renders the model builders on a fake workbook and drives them as a user would. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Locale } from "../../src/i18n/locale";
import { ModelBuilders } from "../../src/taskpane/components/ModelBuilders";
import type { FakeWorkbook } from "./fakeWorkbook";
import { renderInPaneFast } from "./render";
import "./setup-dom";

export type User = ReturnType<typeof userEvent.setup>;

/**
 * Renders the builders in the pane's main landmark and waits until saved setups are read
 * (unstyled unless `styled`: see renderInPaneFast).
 */
export async function renderBuilders(workbook: FakeWorkbook, locale: Locale = "en-US", styled = false) {
  const user = userEvent.setup();
  const pane = (
    <main>
      <ModelBuilders locale={locale} workbook={workbook} />
    </main>
  );
  const view = renderInPaneFast(pane, styled);
  await screen.findByTestId("builder-tab-abc");
  return { user, ...view };
}

/** A slot's source picker: a native select. */
export const sourceSelect = (slot: string) => screen.getByTestId(`source-${slot}`) as HTMLSelectElement;

/** The text of the option a slot's source picker shows. */
export const sourceChoice = (slot: string) => sourceSelect(slot).selectedOptions[0]?.textContent;

/** Picks a table (by its option's text) from a slot's source picker and waits until it has been read. */
export async function pickTable(user: User, slot: string, name: string) {
  const select = sourceSelect(slot);
  // The workbook's tables are listed after the pane opens (or is refreshed).
  await within(select).findByRole("option", { name });
  await user.selectOptions(select, name);
  await screen.findByTestId(`source-summary-${slot}`);
}

export const roleSelect = (slot: string, role: string) =>
  screen.getByTestId(`role-${slot}-${role}`) as HTMLSelectElement;

export const buildButton = () => screen.getByTestId("build") as HTMLButtonElement;

/** Build and Refresh stay focusable when disabled, so disabled is aria-disabled. */
export const isDisabled = (button: HTMLElement) =>
  button.getAttribute("aria-disabled") === "true" || (button as HTMLButtonElement).disabled;

/** The text of the build status once it says something. */
export async function buildStatus(): Promise<string> {
  const status = screen.getByTestId("build-status");
  await waitFor(() => expect(status.textContent).not.toBe(""));
  return status.textContent ?? "";
}
