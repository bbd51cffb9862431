/**
 * Installs the preview host's globals: CustomFunctions (before the functions bundle loads, so
 * that its associate() calls are collected) and Office, Excel and OfficeExtension (before the
 * task-pane bundle loads). Office.onReady resolves once the document has loaded, as office.js
 * does, by which time the page has created the workbook from the associated functions.
 */
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { createExcel } from "./excel-api";
import { copyData } from "./sheet-model";
import type { FunctionImplementation, PreviewWorkbook, WorkbookSnapshot } from "./workbook";

export interface OfficeHostOptions {
  displayLanguage?: string;
  theme?: "light" | "dark";
  onChange?: (snapshot: WorkbookSnapshot) => void;
}

// ---- CustomFunctions ------------------------------------------------------------------------

export const CustomFunctionsErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

const CODES: readonly string[] = Object.values(CustomFunctionsErrorCode);
/** Excel shows a custom message only with these codes and refuses one with the others. */
const CODES_WITH_MESSAGE: readonly string[] = [
  CustomFunctionsErrorCode.invalidValue,
  CustomFunctionsErrorCode.notAvailable,
];

/** CustomFunctions.Error: an Excel error value a function returns or throws. */
export class CustomFunctionsError extends Error {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message ?? code);
    if (!CODES.includes(code)) throw new TypeError(`Unknown CustomFunctions.ErrorCode ${code}.`);
    if (message !== undefined && !CODES_WITH_MESSAGE.includes(code)) {
      throw new TypeError(`Excel does not show a message with ${code}.`);
    }
    this.name = "CustomFunctions.Error";
    this.code = code;
    // Office's object carries the message as given (undefined when none).
    Object.defineProperty(this, "message", { value: message, enumerable: true, writable: true });
  }
}

/** Defines target.CustomFunctions; returns the live map of what associate() registers, by upper-case id. */
export function installCustomFunctionsRuntime(target: object): Map<string, FunctionImplementation> {
  const registered = new Map<string, FunctionImplementation>();
  const add = (id: string, fn: unknown) => {
    if (typeof fn !== "function") throw new TypeError(`CustomFunctions.associate("${id}") needs a function.`);
    registered.set(id.toUpperCase(), fn as FunctionImplementation);
  };
  (target as Record<string, unknown>).CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: { ...CustomFunctionsErrorCode },
    associate(idOrMappings: string | Record<string, unknown>, fn?: unknown) {
      if (typeof idOrMappings === "object") {
        for (const [id, each] of Object.entries(idOrMappings)) add(id, each);
      } else add(String(idOrMappings), fn);
    },
  };
  return registered;
}

// ---- Office -----------------------------------------------------------------------------------

// Colours as Office reports them for its light and dark themes (the pane reads the body colour).
const THEMES = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#363636",
    controlForegroundColor: "#FFFFFF",
  },
};

const HostType = {
  Excel: "Excel",
  Word: "Word",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
};
const PlatformType = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
};
const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };

type Callback = (result: { status: string; value: undefined }) => void;

/** Defines target.Office, target.Excel and target.OfficeExtension over the workbook the getter returns. */
export function installOfficeHost(
  target: object,
  workbook: () => PreviewWorkbook,
  options: OfficeHostOptions,
): void {
  const root = target as Record<string, unknown>;

  // Follows the workbook the page currently shows, so onChange hears every change to it.
  let watched: PreviewWorkbook | undefined;
  let unsubscribe: (() => void) | undefined;
  const current = (): PreviewWorkbook => {
    const shown = workbook();
    if (shown !== watched) {
      unsubscribe?.();
      watched = shown;
      const onChange = options.onChange;
      unsubscribe = onChange ? shown.subscribe(() => onChange(shown.snapshot())) : undefined;
    }
    return shown;
  };

  const info = { host: HostType.Excel, platform: PlatformType.OfficeOnline };
  const doc = (globalThis as { document?: Document }).document;
  // Deferred scripts run while readyState is already "interactive" but before DOMContentLoaded, so
  // anything short of "complete" waits for whichever of DOMContentLoaded and load comes first.
  const domReady =
    doc && doc.readyState !== "complete"
      ? new Promise<void>((resolve) => {
          doc.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
          globalThis.addEventListener?.("load", () => resolve(), { once: true });
        })
      : Promise.resolve();
  const ready = domReady.then(() => {
    try {
      current();
    } catch {
      // the page has not created its workbook yet; Excel.run will pick it up
    }
    const initialize = (root.Office as { initialize?: unknown } | undefined)?.initialize;
    if (typeof initialize === "function") initialize("inserted");
    return { ...info };
  });

  // Settings edits stay in memory until saveAsync, which stores them in the workbook.
  let settingsOf: PreviewWorkbook | undefined;
  let settingsStore: Record<string, unknown> = {};
  const store = () => {
    const shown = current();
    if (shown !== settingsOf) {
      settingsOf = shown;
      settingsStore = shown.settings();
    }
    return settingsStore;
  };
  const settings = {
    get: (name: string) => (name in store() ? copyData(store()[name]) : null),
    set: (name: string, value: unknown) => void (store()[name] = copyData(value)),
    remove: (name: string) => void delete store()[name],
    saveAsync(optionsOrCallback?: unknown, callback?: Callback) {
      const done = typeof optionsOrCallback === "function" ? (optionsOrCallback as Callback) : callback;
      current().saveSettings(store());
      setTimeout(() => done?.({ status: AsyncResultStatus.Succeeded, value: undefined }), 0);
    },
  };

  const language = options.displayLanguage ?? "en-US";
  root.Office = {
    HostType,
    PlatformType,
    AsyncResultStatus,
    StartupBehavior: { none: "None", load: "Load" },
    VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
    initialize: undefined,
    onReady(callback?: (result: typeof info) => void) {
      return ready.then((result) => {
        callback?.(result);
        return result;
      });
    },
    context: {
      host: info.host,
      platform: info.platform,
      displayLanguage: language,
      contentLanguage: language,
      officeTheme: { ...THEMES[options.theme ?? "light"] },
      requirements: { isSetSupported: () => true },
      document: { settings },
    },
    actions: { associate: () => undefined },
    addin: {
      setStartupBehavior: () => Promise.resolve(),
      getStartupBehavior: () => Promise.resolve("None"),
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
  };
  root.OfficeExtension = {
    Error: OfficeExtensionError,
    ErrorCodes: { ...ErrorCodes },
    config: { extendedErrorLogging: false },
  };
  root.Excel = createExcel(current);
}
