/**
 * A fake Office/Excel host for end-to-end tests in a plain browser. It stands in for office.js:
 * the e2e harness serves custom-functions-runtime.js followed by this file as the response to the
 * page's office.js request, so the CustomFunctions fake must already be installed when this runs.
 *
 * It is a fake, not an emulator. It covers what the add-in uses and says so loudly otherwise:
 * - Office: onReady, context (displayLanguage, officeTheme, requirements, document.settings),
 *   actions.associate, addin.* startup calls, and the enums the add-in reads.
 * - Excel.run with a small workbook of worksheets backed by in-memory grids. Ranges support
 *   values, formulas, address, rowCount and columnCount with Excel's load/sync rules: writes and
 *   loads are queued and applied in order at context.sync(), and reading a property that was not
 *   loaded and synced throws PropertyNotLoaded, as Excel does. The fake never calculates: a cell
 *   holding a formula reports the formula text as its value.
 *
 * Configuration, read once when this script runs: window.__fakeOfficeConfig = {
 *   displayLanguage: "en-US" | "zh-CN" | ...,  theme: "light" | "dark",  officeTheme: {...},
 *   platform: "PC" | "OfficeOnline" | "Mac",  workbook: { activeSheet, sheets: { Name: [[...]] } } }
 * Tests inspect state through window.__fakeOffice (recorded actions, the workbook grids).
 */
(function install(root) {
  if (!root.CustomFunctions) {
    throw new Error("office-host.js: load test/fakes/custom-functions-runtime.js before this file");
  }
  const config = root.__fakeOfficeConfig ?? {};

  // Colours as Office reports them for its light and dark themes (the pane only reads the body colour).
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
  const theme = THEMES[config.theme ?? "light"];
  if (!theme) throw new Error(`office-host.js: unknown theme ${config.theme}`);

  // ---- Office ------------------------------------------------------------------------------

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
  const info = { host: HostType.Excel, platform: config.platform ?? PlatformType.PC };

  // office.js reports ready once the document has loaded, so bundles that run earlier still wait.
  const domReady =
    document.readyState === "loading"
      ? new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }))
      : Promise.resolve();
  const ready = domReady.then(() => {
    if (typeof root.Office.initialize === "function") root.Office.initialize("inserted");
    return { ...info };
  });

  const settingsStore = new Map(Object.entries(config.settings ?? {}));
  const settings = {
    get: (name) => (settingsStore.has(name) ? structuredClone(settingsStore.get(name)) : null),
    set: (name, value) => void settingsStore.set(name, structuredClone(value)),
    remove: (name) => void settingsStore.delete(name),
    saveAsync(options, callback) {
      const done = typeof options === "function" ? options : callback;
      setTimeout(() => done?.({ status: AsyncResultStatus.Succeeded, value: undefined }), 0);
    },
  };

  const associatedActions = new Map();
  const addinCalls = [];
  const recordAddin = (name) => (arg) => {
    addinCalls.push({ name, arg });
    return Promise.resolve();
  };

  root.Office = {
    HostType,
    PlatformType,
    AsyncResultStatus,
    StartupBehavior: { none: "None", load: "Load" },
    VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
    initialize: undefined,
    onReady(callback) {
      return ready.then((result) => {
        callback?.(result);
        return result;
      });
    },
    context: {
      host: info.host,
      platform: info.platform,
      displayLanguage: config.displayLanguage ?? "en-US",
      contentLanguage: config.displayLanguage ?? "en-US",
      officeTheme: { ...theme, ...config.officeTheme },
      requirements: { isSetSupported: () => true },
      document: { settings },
    },
    actions: {
      associate: (id, handler) => void associatedActions.set(id, handler),
    },
    addin: {
      setStartupBehavior: recordAddin("setStartupBehavior"),
      getStartupBehavior: () => Promise.resolve("None"),
      showAsTaskpane: recordAddin("showAsTaskpane"),
      hide: recordAddin("hide"),
      onVisibilityModeChanged: (handler) => {
        addinCalls.push({ name: "onVisibilityModeChanged", arg: handler });
        return Promise.resolve(() => Promise.resolve()); // the deregistration function
      },
    },
  };

  // ---- Excel: errors -------------------------------------------------------------------------

  class OfficeExtensionError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message };
    }
  }
  const ErrorCodes = {
    invalidArgument: "InvalidArgument",
    itemNotFound: "ItemNotFound",
    itemAlreadyExists: "ItemAlreadyExists",
    propertyNotLoaded: "PropertyNotLoaded",
    invalidReference: "InvalidReference",
  };
  const fail = (code, message) => {
    throw new OfficeExtensionError(code, message);
  };

  // ---- Excel: addresses --------------------------------------------------------------------

  function columnNumber(letters) {
    return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  }
  function columnLetters(number) {
    let letters = "";
    for (let n = number; n > 0; n = Math.floor((n - 1) / 26)) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    }
    return letters;
  }
  /** "Sheet1!$A$1:C3" -> { sheet, top, left, bottom, right } (1-based); whole rows/columns are not supported. */
  function parseAddress(address, defaultSheet) {
    const match =
      /^(?:(?:'((?:[^']|'')+)'|([^!'][^!]*))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(
        String(address).trim(),
      );
    if (!match) fail(ErrorCodes.invalidArgument, `The fake Excel cannot parse the address "${address}".`);
    const [, quoted, plain, c1, r1, c2 = c1, r2 = r1] = match;
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (plain ?? defaultSheet);
    const [left, right] = [columnNumber(c1), columnNumber(c2)].sort((a, b) => a - b);
    const [top, bottom] = [Number(r1), Number(r2)].sort((a, b) => a - b);
    return { sheet, top, left, bottom, right };
  }
  function formatAddress({ sheet, top, left, bottom, right }) {
    const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
    const start = `${columnLetters(left)}${top}`;
    const end = `${columnLetters(right)}${bottom}`;
    return `${name}!${start === end ? start : `${start}:${end}`}`;
  }

  // ---- Excel: the workbook state -------------------------------------------------------------

  /** One worksheet: cells keyed "row,column" holding { value, formula }. Blank cells are absent. */
  class Grid {
    constructor(name) {
      this.name = name;
      this.cells = new Map();
    }
    cell(row, column) {
      return this.cells.get(`${row},${column}`);
    }
    put(row, column, input) {
      const key = `${row},${column}`;
      // No calculation: a formula's text doubles as its value.
      if (input === null || input === undefined || input === "") this.cells.delete(key);
      else this.cells.set(key, { value: input, formula: input });
    }
    read(box, kind) {
      const rows = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const row = [];
        for (let c = box.left; c <= box.right; c++) row.push(this.cell(r, c)?.[kind] ?? "");
        rows.push(row);
      }
      return rows;
    }
    write(box, input) {
      const height = box.bottom - box.top + 1;
      const width = box.right - box.left + 1;
      // Excel accepts one value for the whole range, or an array of exactly the range's shape.
      const grid = Array.isArray(input)
        ? input
        : Array.from({ length: height }, () => Array(width).fill(input));
      if (grid.length !== height || grid.some((row) => !Array.isArray(row) || row.length !== width)) {
        fail(
          ErrorCodes.invalidArgument,
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${height}x${width}).`,
        );
      }
      grid.forEach((row, r) => row.forEach((v, c) => this.put(box.top + r, box.left + c, v)));
    }
  }

  const workbookState = { sheets: [], active: null };
  function addSheet(name) {
    if (workbookState.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      fail(ErrorCodes.itemAlreadyExists, `A worksheet named "${name}" already exists.`);
    }
    const grid = new Grid(name);
    workbookState.sheets.push(grid);
    workbookState.active ??= grid;
    return grid;
  }
  function findSheet(name) {
    return workbookState.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
  }
  for (const [name, rows] of Object.entries(config.workbook?.sheets ?? { Sheet1: [] })) {
    const grid = addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => grid.put(r + 1, c + 1, v)));
  }
  if (config.workbook?.activeSheet) workbookState.active = findSheet(config.workbook.activeSheet);

  // ---- Excel: proxies ------------------------------------------------------------------------

  /**
   * The base of every proxy object: load() queues a snapshot of the named properties, and reading
   * a property before that snapshot exists throws, like Excel's PropertyNotLoaded.
   */
  class ClientObject {
    constructor(context, loadable) {
      this.context = context;
      this.loadable = loadable;
      this.loaded = {};
    }
    load(properties) {
      const names =
        properties === undefined
          ? Object.keys(this.loadable)
          : (Array.isArray(properties) ? properties : String(properties).split(","))
              .map((p) => p.trim())
              .filter(Boolean);
      for (const name of names) {
        if (!(name in this.loadable)) fail(ErrorCodes.invalidArgument, `The fake cannot load "${name}".`);
      }
      this.context.enqueue(() => {
        for (const name of names) this.loaded[name] = structuredClone(this.loadable[name]());
      });
      return this;
    }
    read(name) {
      if (!(name in this.loaded)) {
        fail(
          ErrorCodes.propertyNotLoaded,
          `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        );
      }
      return this.loaded[name];
    }
  }

  class Range extends ClientObject {
    constructor(context, resolveBox) {
      super(context, {
        values: () => this.grid().read(this.box(), "value"),
        formulas: () => this.grid().read(this.box(), "formula"),
        address: () => formatAddress(this.box()),
        rowCount: () => this.box().bottom - this.box().top + 1,
        columnCount: () => this.box().right - this.box().left + 1,
      });
      this.box = resolveBox;
    }
    grid() {
      return findSheet(this.box().sheet) ?? fail(ErrorCodes.itemNotFound, `No sheet "${this.box().sheet}".`);
    }
    get values() {
      return this.read("values");
    }
    set values(input) {
      const copy = structuredClone(input);
      this.context.enqueue(() => this.grid().write(this.box(), copy));
    }
    get formulas() {
      return this.read("formulas");
    }
    set formulas(input) {
      this.values = input; // the fake keeps a formula's text as its value
    }
    get address() {
      return this.read("address");
    }
    get rowCount() {
      return this.read("rowCount");
    }
    get columnCount() {
      return this.read("columnCount");
    }
    clear() {
      this.context.enqueue(() => this.grid().write(this.box(), ""));
    }
  }

  class Worksheet extends ClientObject {
    /** resolveGrid runs at sync time, so a missing sheet fails there, as in Excel. */
    constructor(context, resolveGrid) {
      super(context, { name: () => resolveGrid().name });
      this.resolveGrid = resolveGrid;
    }
    get name() {
      return this.read("name");
    }
    getRange(address) {
      return new Range(this.context, () => parseAddress(address, this.resolveGrid().name));
    }
    activate() {
      this.context.enqueue(() => {
        workbookState.active = this.resolveGrid();
      });
    }
    delete() {
      this.context.enqueue(() => {
        const grid = this.resolveGrid();
        workbookState.sheets = workbookState.sheets.filter((s) => s !== grid);
        if (workbookState.active === grid) workbookState.active = workbookState.sheets[0] ?? null;
      });
    }
  }

  class WorksheetCollection extends ClientObject {
    constructor(context) {
      super(context, { items: () => workbookState.sheets.map((s) => ({ name: s.name })) });
    }
    get items() {
      return this.read("items");
    }
    getActiveWorksheet() {
      return new Worksheet(this.context, () => workbookState.active);
    }
    getItem(name) {
      return new Worksheet(
        this.context,
        () => findSheet(name) ?? fail(ErrorCodes.itemNotFound, `The worksheet "${name}" does not exist.`),
      );
    }
    add(name) {
      let grid;
      this.context.enqueue(() => {
        grid = addSheet(name ?? `Sheet${workbookState.sheets.length + 1}`);
      });
      return new Worksheet(this.context, () => grid);
    }
  }

  class RequestContext {
    constructor() {
      this.queue = [];
      this.workbook = { worksheets: new WorksheetCollection(this) };
    }
    enqueue(operation) {
      this.queue.push(operation);
    }
    /** Applies the queued operations in order; the first failure rejects and drops the rest. */
    async sync() {
      const batch = this.queue.splice(0);
      await Promise.resolve();
      for (const operation of batch) operation();
    }
  }

  root.OfficeExtension = { Error: OfficeExtensionError, ErrorCodes };
  root.Excel = {
    ErrorCodes,
    RequestContext,
    /** Like Excel.run: runs the batch function, then syncs whatever it left queued. */
    async run(batch) {
      const context = new RequestContext();
      const result = await batch(context);
      await context.sync();
      return result;
    },
  };

  /** Test hooks, not part of Office.js. */
  root.__fakeOffice = {
    actions: associatedActions,
    addinCalls,
    settings: settingsStore,
    /** The workbook as plain data: { activeSheet, sheets: { name: { address: { value, formula } } } }. */
    workbook() {
      const sheets = {};
      for (const grid of workbookState.sheets) {
        sheets[grid.name] = {};
        for (const [key, cell] of grid.cells) {
          const [row, column] = key.split(",").map(Number);
          sheets[grid.name][`${columnLetters(column)}${row}`] = { ...cell };
        }
      }
      return { activeSheet: workbookState.active?.name ?? null, sheets };
    },
  };
})(window);
