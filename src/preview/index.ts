/**
 * Entry of the preview bundle (dist/preview.js), the first script of preview/index.html. Before
 * functions.js and taskpane.js run it installs the CustomFunctions runtime and the fake Office
 * host they expect from Excel; at DOMContentLoaded it opens the workbook (the stored one, else the
 * sample) and draws it. ?lang=zh-CN&theme=dark set Office's display language and theme.
 */
import { installCustomFunctionsRuntime, installOfficeHost } from "./host/office";
import { PreviewWorkbook } from "./host/workbook";
import { sampleWorkbook } from "./samples";
import { clearSnapshot, loadSnapshot, saveSnapshot } from "./storage";
import { mountWorkbookView } from "./view";

declare global {
  interface Window {
    /** For tests and curious visitors: the workbook the page shows. */
    __preview?: { workbook: () => PreviewWorkbook };
  }
}

const query = new URLSearchParams(window.location.search);
const theme = query.get("theme") === "dark" ? "dark" : "light";
const functions = installCustomFunctionsRuntime(window);
let workbook: PreviewWorkbook | undefined;
/** Set while a reset reloads the page, so a late change cannot save the old workbook again. */
let resetting = false;

function openWorkbook(): PreviewWorkbook {
  const stored = loadSnapshot();
  if (stored) {
    try {
      return new PreviewWorkbook(stored, functions);
    } catch (error) {
      console.warn("The stored preview workbook could not be opened; starting from the sample.", error);
      clearSnapshot();
    }
  }
  return new PreviewWorkbook(sampleWorkbook(), functions);
}

/**
 * The open workbook. It opens at DOMContentLoaded, after the deferred functions.js has registered
 * every function: a workbook opened earlier would not know the SVC functions.
 */
function currentWorkbook(): PreviewWorkbook {
  if (!workbook) throw new Error("The preview workbook opens at DOMContentLoaded; it is not open yet.");
  return workbook;
}

function reset(): void {
  resetting = true;
  clearSnapshot();
  window.location.reload();
}

// Registered before installOfficeHost adds its own listener, so the workbook is open by the time
// Office.onReady resolves.
document.addEventListener("DOMContentLoaded", () => {
  workbook = openWorkbook();
  document.documentElement.dataset.theme = theme;
  const container = document.getElementById("workbook");
  if (!container) throw new Error("preview/index.html has no #workbook element");
  mountWorkbookView(container, workbook, reset);
});

installOfficeHost(window, currentWorkbook, {
  displayLanguage: query.get("lang") || "en-US",
  theme,
  onChange: (snapshot) => {
    if (!resetting) saveSnapshot(snapshot);
  },
});

window.__preview = { workbook: currentWorkbook };
