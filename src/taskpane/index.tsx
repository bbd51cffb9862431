/** Pane entry point: waits for Office, then renders the app in the host's language and theme. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { localeFor } from "../i18n/locale";
import { App } from "./App";
import { displayLanguage, officeTheme, whenOfficeReady } from "./excel/host";

async function start(): Promise<void> {
  await whenOfficeReady();
  const locale = localeFor(displayLanguage());
  document.documentElement.lang = locale;
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <StrictMode>
      <FluentProvider
        theme={officeTheme() === "dark" ? webDarkTheme : webLightTheme}
        style={{ minHeight: "100vh" }}
      >
        <App locale={locale} />
      </FluentProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => console.error("The task pane could not start:", error));
