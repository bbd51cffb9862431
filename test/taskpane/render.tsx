/** Renders pane components as the pane does: inside a FluentProvider. */
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  webLightTheme,
} from "@fluentui/react-components";

export function renderInPane(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

/**
 * Renders as renderInPane, but unless `styled`, Fluent's CSS goes to a detached document: with its
 * thousands of rules in the page every getComputedStyle (popup positioning calls it hundreds of
 * times) is slow in jsdom. Tests of accessible names render styled, since CSS hides some text
 * (a tab's bold-width copy).
 */
export function renderInPaneFast(ui: ReactElement, styled = false) {
  if (styled) return renderInPane(ui);
  return render(
    <RendererProvider
      renderer={createDOMRenderer(document.implementation.createHTMLDocument())}
      targetDocument={document}
    >
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </RendererProvider>,
  );
}
