/**
 * A workbook for the preview host: sheets of raw contents kept as the user wrote them, calculated
 * by HyperFormula (structured references translated on the way in), plus tables, charts, number
 * formats, selection and document settings. The fake Excel API (excel-api.ts) edits it; the page's
 * grid view reads it; snapshot() is what the page persists.
 *
 * Rows and columns are 0-based in every method that takes numbers.
 */
import {
  type Box,
  boxHeight,
  boxWidth,
  cellBox,
  clip,
  containsCell,
  excelAddress,
  excelSheetPrefix,
  formatA1,
  intersects,
  parseA1,
} from "./addresses";
import { formatCell } from "../format";
import { type CalculatedValue, Calculation } from "./calculation";
import { ErrorCodes, fail } from "./errors";
import { isFormula, lowerExponents, renameSheetReferences, spillBareRange } from "./formula-text";
import type { FunctionImplementation } from "./functions-plugin";
import {
  boundsOf,
  cellKey,
  cellOf,
  type CellStyle,
  type Chart,
  checkSheetName,
  checkTableName,
  copyData,
  DEFAULT_COLUMN_WIDTH,
  denseGrid,
  keysIn,
  type PreviewCell,
  sameName,
  type Sheet,
  type Table,
} from "./sheet-model";
import {
  hasStructuredReference,
  type ReferenceContext,
  type TableLayout,
  translateStructuredReferences,
} from "./structured-references";

export type { FunctionImplementation } from "./functions-plugin";
export type { CellStyle, PreviewCell } from "./sheet-model";

/** address like "A1:F201", header row included, no sheet prefix. */
export interface TableSnapshot {
  name: string;
  sheet: string;
  address: string;
}

/** source: "A4:B9" on that sheet ("'Other sheet'!A4:B9" when the data lives elsewhere). */
export interface ChartSnapshot {
  sheet: string;
  name: string;
  type: string;
  title: string;
  source: string;
  seriesBy?: string;
  /** Where setPosition put it, e.g. "E2:L18". */
  position?: string;
}

/** cells hold raw contents: constants or formula text starting with "=". */
export interface SheetSnapshot {
  name: string;
  cells: PreviewCell[][];
  numberFormats?: (string | null)[][];
  /** Points, by column; unset columns have the default width. */
  columnWidths?: number[];
  /** Fonts and fills by A1 address. */
  styles?: Record<string, CellStyle>;
  frozenRows?: number;
  frozenColumns?: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  charts: ChartSnapshot[];
  settings: Record<string, unknown>;
  activeSheet?: string;
  selection?: { sheet: string; address: string };
}

export type ClearTarget = "all" | "contents" | "formats";

/** Excel's text for an error value; null for a blank cell. */
function shown(value: CalculatedValue): PreviewCell {
  return typeof value === "object" && value !== null ? value.value : value;
}

export class PreviewWorkbook {
  private readonly calc: Calculation;
  private readonly sheets: Sheet[] = [];
  private readonly tablesById = new Map<number, Table>();
  private readonly chartsById = new Map<number, Chart>();
  private readonly listeners = new Set<() => void>();
  private settingsStore: Record<string, unknown> = {};
  private active!: Sheet;
  private nextId = 1;
  private depth = 0;
  private dirty = false;
  /** Tables, headers or sheet names changed: structured references must be translated again. */
  private referencesChanged = false;

  constructor(snapshot: WorkbookSnapshot, functions: Map<string, FunctionImplementation>) {
    this.calc = new Calculation(functions);
    this.load(snapshot);
  }

  // ---- The contract the page and tests read --------------------------------------------------

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((sheet) => this.sheetSnapshot(sheet)),
      tables: this.tables(),
      charts: this.charts(),
      settings: copyData(this.settingsStore),
      activeSheet: this.active.name,
      selection: this.selection(),
    };
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** Calculated values over the sheet's extent; errors as Excel's text ("#VALUE!"); blanks null. */
  values(sheet: string): PreviewCell[][] {
    const found = this.sheetNamed(sheet);
    const box = this.extent(found);
    return box ? this.calculated(found, box).map((row) => row.map(shown)) : [];
  }

  /** As Excel's Range.formulas: a formula's text as written, otherwise the cell's value. */
  formulas(sheet: string): PreviewCell[][] {
    const found = this.sheetNamed(sheet);
    const box = this.extent(found);
    return box ? this.formulasIn(found, box) : [];
  }

  numberFormat(sheet: string, row: number, col: number): string {
    return this.sheetNamed(sheet).numberFormats.get(cellKey(row, col)) ?? "General";
  }

  /** The message of an error cell, such as a custom function's reason for #VALUE!. */
  errorMessage(sheet: string, row: number, col: number): string | undefined {
    const found = this.sheetNamed(sheet);
    this.settle();
    const value = this.calc.value(found.hf, row, col);
    return typeof value === "object" && value !== null && value.message ? value.message : undefined;
  }

  /** Font and fill of a cell (an addition to the contract, for the grid view). */
  cellStyle(sheet: string, row: number, col: number): CellStyle {
    return { ...this.sheetNamed(sheet).styles.get(cellKey(row, col)) };
  }

  columnWidth(sheet: string, col: number): number {
    return this.sheetNamed(sheet).columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  frozenPanes(sheet: string): { rows: number; columns: number } {
    const found = this.sheetNamed(sheet);
    return { rows: found.frozenRows, columns: found.frozenColumns };
  }

  tables(): TableSnapshot[] {
    return [...this.tablesById.values()].map((table) => ({
      name: table.name,
      sheet: table.sheet.name,
      address: formatA1(table.box),
    }));
  }

  charts(sheet?: string): ChartSnapshot[] {
    return [...this.chartsById.values()]
      .filter((chart) => sheet === undefined || sameName(chart.sheet.name, sheet))
      .map((chart) => ({
        sheet: chart.sheet.name,
        name: chart.name,
        type: chart.type,
        title: chart.title,
        source:
          chart.source.sheet === chart.sheet
            ? formatA1(chart.source.box)
            : excelAddress(chart.source.sheet.name, chart.source.box),
        seriesBy: chart.seriesBy,
        ...(chart.position ? { position: chart.position } : {}),
      }));
  }

  activeSheet(): string {
    return this.active.name;
  }

  /** Activates the sheet and selects the address on it, as a click in Excel does. */
  select(sheet: string, address: string): void {
    const found = this.sheetNamed(sheet);
    this.selectBox(found.id, this.parseOn(found, address));
  }

  selection(): { sheet: string; address: string } {
    return { sheet: this.active.name, address: formatA1(this.active.selection) };
  }

  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  // ---- Host API: what the fake Excel API calls, by stable ids --------------------------------

  /** Runs several edits as one change: one recalculation and one notification at the end. */
  transaction<T>(edit: () => T): T {
    this.depth++;
    try {
      return edit();
    } finally {
      if (--this.depth === 0) this.flush();
    }
  }

  /** Excel's full recalculation: every custom function is called again. */
  recalculate(): void {
    this.settle();
    this.calc.recalculate();
    this.changed();
  }

  sheetIds(): number[] {
    return this.sheets.map((sheet) => sheet.id);
  }

  findSheet(name: string): number | undefined {
    return this.sheets.find((sheet) => sameName(sheet.name, name))?.id;
  }

  hasSheet(id: number): boolean {
    return this.sheets.some((sheet) => sheet.id === id);
  }

  sheetName(id: number): string {
    return this.sheet(id).name;
  }

  sheetPosition(id: number): number {
    return this.sheets.indexOf(this.sheet(id));
  }

  addSheet(name?: string): number {
    const chosen =
      name ?? this.unusedName("Sheet", this.sheets.length + 1, (n) => this.findSheet(n) !== undefined);
    checkSheetName(chosen);
    if (this.findSheet(chosen) !== undefined) {
      fail(ErrorCodes.itemAlreadyExists, `A worksheet named "${chosen}" already exists.`);
    }
    const sheet: Sheet = {
      id: this.nextId++,
      hf: this.calc.addSheet(chosen),
      name: chosen,
      cells: new Map(),
      numberFormats: new Map(),
      styles: new Map(),
      columnWidths: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      selection: cellBox(0, 0),
    };
    this.sheets.push(sheet);
    this.active ??= sheet;
    this.referencesChanged = true; // a formula may name the new sheet
    this.changed();
    return sheet.id;
  }

  /** Renames a sheet and every formula reference to it, as Excel does. */
  renameSheet(id: number, name: string): void {
    const sheet = this.sheet(id);
    checkSheetName(name);
    const other = this.findSheet(name);
    if (other !== undefined && other !== id) {
      fail(ErrorCodes.itemAlreadyExists, `A worksheet named "${name}" already exists.`);
    }
    const from = sheet.name;
    if (from === name) return;
    for (const each of this.sheets) {
      for (const [key, raw] of each.cells) {
        if (isFormula(raw)) each.cells.set(key, renameSheetReferences(raw, from, name, excelSheetPrefix));
      }
    }
    this.calc.renameSheet(sheet.hf, from, name);
    sheet.name = name;
    this.referencesChanged = true;
    this.changed();
  }

  deleteSheet(id: number): void {
    const sheet = this.sheet(id);
    if (this.sheets.length === 1) {
      fail(ErrorCodes.invalidOperation, "A workbook must keep at least one worksheet.");
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    for (const table of [...this.tablesById.values()]) {
      if (table.sheet === sheet) this.tablesById.delete(table.id);
    }
    for (const chart of [...this.chartsById.values()]) {
      if (chart.sheet === sheet || chart.source.sheet === sheet) this.chartsById.delete(chart.id);
    }
    if (this.active === sheet) this.active = this.sheets[Math.min(index, this.sheets.length - 1)];
    this.calc.removeSheet(sheet.hf);
    this.referencesChanged = true;
    this.changed();
  }

  moveSheet(id: number, position: number): void {
    const sheet = this.sheet(id);
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      fail(ErrorCodes.invalidArgument, `There is no worksheet position ${position}.`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.changed();
  }

  activeSheetId(): number {
    return this.active.id;
  }

  activate(id: number): void {
    this.active = this.sheet(id);
    this.changed();
  }

  selectBox(id: number, box: Box): void {
    const sheet = this.sheet(id);
    sheet.selection = box;
    this.active = sheet;
    this.changed();
  }

  selectedBox(): { sheet: number; box: Box } {
    return { sheet: this.active.id, box: this.active.selection };
  }

  /** Calculated values of a box: blanks null, errors as Excel's text. */
  readValues(id: number, box: Box): PreviewCell[][] {
    return this.calculated(this.sheet(id), box).map((row) => row.map(shown));
  }

  readFormulas(id: number, box: Box): PreviewCell[][] {
    return this.formulasIn(this.sheet(id), box);
  }

  readNumberFormats(id: number, box: Box): string[][] {
    const sheet = this.sheet(id);
    return this.grid(box, (row, col) => sheet.numberFormats.get(cellKey(row, col)) ?? "General");
  }

  readStyles(id: number, box: Box): CellStyle[][] {
    const sheet = this.sheet(id);
    return this.grid(box, (row, col) => ({ ...sheet.styles.get(cellKey(row, col)) }));
  }

  /** Writes raw contents from the box's top-left corner; undefined leaves a cell as it is, null or "" clears it. */
  write(id: number, top: number, left: number, grid: (PreviewCell | undefined)[][]): void {
    const sheet = this.sheet(id);
    grid.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== undefined) this.setCell(sheet, top + r, left + c, value);
      }),
    );
    this.changed();
  }

  /** undefined or null leaves a cell's format as it is; "" or "General" resets it. */
  writeNumberFormats(id: number, top: number, left: number, grid: (string | null | undefined)[][]): void {
    const sheet = this.sheet(id);
    grid.forEach((row, r) =>
      row.forEach((format, c) => {
        if (format === undefined || format === null) return;
        const key = cellKey(top + r, left + c);
        if (format === "" || format === "General") sheet.numberFormats.delete(key);
        else sheet.numberFormats.set(key, format);
      }),
    );
    this.changed();
  }

  /** Whole rows or columns are styled as far as the sheet has contents (no row or column styles here). */
  applyStyle(id: number, box: Box, patch: CellStyle): void {
    const sheet = this.sheet(id);
    const styled = this.withinContents(sheet, box);
    if (!styled) return this.changed();
    for (let row = styled.top; row <= styled.bottom; row++) {
      for (let col = styled.left; col <= styled.right; col++) {
        const key = cellKey(row, col);
        const style = { ...sheet.styles.get(key), ...patch };
        for (const name of Object.keys(style) as (keyof CellStyle)[]) {
          if (style[name] === undefined) delete style[name];
        }
        if (Object.keys(style).length > 0) sheet.styles.set(key, style);
        else sheet.styles.delete(key);
      }
    }
    this.changed();
  }

  columnWidths(id: number, box: Box): number[] {
    const sheet = this.sheet(id);
    return Array.from(
      { length: boxWidth(box) },
      (_, i) => sheet.columnWidths.get(box.left + i) ?? DEFAULT_COLUMN_WIDTH,
    );
  }

  setColumnWidth(id: number, box: Box, width: number): void {
    if (typeof width !== "number" || !Number.isFinite(width) || width < 0) {
      fail(ErrorCodes.invalidArgument, `A column width must be a number of points >= 0; got ${width}.`);
    }
    const sheet = this.sheet(id);
    for (let col = box.left; col <= box.right; col++) sheet.columnWidths.set(col, width);
    this.changed();
  }

  /**
   * Approximates Excel's autofit: about 5.6 points per character of the longest value as shown
   * (in its number format: "354,200.00", not 354200), plus padding.
   */
  autofitColumns(id: number, box: Box): void {
    const sheet = this.sheet(id);
    const fitted = this.withinContents(sheet, box);
    const rows = fitted ? { ...box, top: fitted.top, bottom: fitted.bottom } : undefined;
    const values = rows ? this.readValues(id, rows) : [];
    const formats = rows ? this.readNumberFormats(id, rows) : [];
    for (let c = 0; c < boxWidth(box); c++) {
      const longest = Math.max(0, ...values.map((row, r) => shownLength(row[c], formats[r][c])));
      sheet.columnWidths.set(
        box.left + c,
        longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.round(longest * 5.6 + 8),
      );
    }
    this.changed();
  }

  clear(id: number, box: Box, target: ClearTarget): void {
    const sheet = this.sheet(id);
    if (target !== "formats") {
      for (const key of keysIn(sheet.cells, box)) this.setCell(sheet, ...cellOf(key), null);
    }
    if (target !== "contents") {
      for (const key of keysIn(sheet.numberFormats, box)) sheet.numberFormats.delete(key);
      for (const key of keysIn(sheet.styles, box)) sheet.styles.delete(key);
    }
    this.changed();
  }

  freeze(id: number, rows: number, columns: number): void {
    const sheet = this.sheet(id);
    sheet.frozenRows = rows;
    sheet.frozenColumns = columns;
    this.changed();
  }

  /** The cells a formula at (row, col) spills to, that cell included; undefined when it does not spill. */
  spillBox(id: number, row: number, col: number): Box | undefined {
    const size = this.calc.arraySize(this.sheet(id).hf, row, col);
    if (!size || (size.height === 1 && size.width === 1)) return undefined;
    return { top: row, left: col, bottom: row + size.height - 1, right: col + size.width - 1 };
  }

  /** The smallest box holding every value (spills included) and, unless valuesOnly, every format. */
  usedBox(id: number, valuesOnly: boolean): Box | undefined {
    const sheet = this.sheet(id);
    const keys = [...this.filledKeys(sheet)];
    if (!valuesOnly) keys.push(...sheet.numberFormats.keys(), ...sheet.styles.keys());
    return boundsOf(keys);
  }

  /**
   * Excel's current region: the block of filled cells around the box's top-left cell (diagonal
   * neighbours count), grown until blank rows and columns border it.
   */
  surroundingRegion(id: number, box: Box): Box {
    const sheet = this.sheet(id);
    const filled = this.filledKeys(sheet);
    const isFilled = (row: number, col: number) => row >= 0 && col >= 0 && filled.has(cellKey(row, col));
    const region = cellBox(box.top, box.left);
    const anyIn = (top: number, left: number, bottom: number, right: number) => {
      for (let row = top; row <= bottom; row++) {
        for (let col = left; col <= right; col++) if (isFilled(row, col)) return true;
      }
      return false;
    };
    for (let grew = true; grew;) {
      const { top, left, bottom, right } = region;
      const up = top > 0 && anyIn(top - 1, left - 1, top - 1, right + 1);
      const down = anyIn(bottom + 1, left - 1, bottom + 1, right + 1);
      const leftwards = left > 0 && anyIn(top - 1, left - 1, bottom + 1, left - 1);
      const rightwards = anyIn(top - 1, right + 1, bottom + 1, right + 1);
      region.top -= up ? 1 : 0;
      region.bottom += down ? 1 : 0;
      region.left -= leftwards ? 1 : 0;
      region.right += rightwards ? 1 : 0;
      grew = up || down || leftwards || rightwards;
    }
    return region;
  }

  // ---- Tables ----------------------------------------------------------------------------------

  tableIds(): number[] {
    return [...this.tablesById.keys()];
  }

  findTable(name: string): number | undefined {
    return [...this.tablesById.values()].find((table) => sameName(table.name, name))?.id;
  }

  table(id: number): { name: string; sheet: number; box: Box } {
    const table = this.tablesById.get(id) ?? fail(ErrorCodes.itemNotFound, "The table no longer exists.");
    return { name: table.name, sheet: table.sheet.id, box: { ...table.box } };
  }

  /** The header texts, left to right. */
  tableHeaders(id: number): string[] {
    const table = this.tablesById.get(id) ?? fail(ErrorCodes.itemNotFound, "The table no longer exists.");
    return this.headersOf(table);
  }

  /**
   * Excel's tables.add with headers: a one-row range gets a blank data row, blank or repeated
   * headers become "Column1", "Column2"..., and the headers become text.
   */
  addTable(sheetId: number, box: Box, name?: string): number {
    const sheet = this.sheet(sheetId);
    const tableBox = boxHeight(box) === 1 ? { ...box, bottom: box.bottom + 1 } : { ...box };
    for (const other of this.tablesById.values()) {
      if (other.sheet === sheet && intersects(other.box, tableBox)) {
        fail(ErrorCodes.invalidArgument, `A table cannot overlap the table "${other.name}".`);
      }
    }
    const chosen = name ?? this.unusedName("Table", 1, (n) => this.findTable(n) !== undefined);
    this.checkNewTableName(chosen);
    const taken = new Set<string>();
    const headers = this.readValues(sheetId, { ...tableBox, bottom: tableBox.top })[0].map((value, i) => {
      const base = value === null || value === "" ? `Column${i + 1}` : String(value);
      let text = base;
      for (let n = 2; taken.has(text.toLowerCase()); n++) text = `${base}${n}`;
      taken.add(text.toLowerCase());
      return text;
    });
    headers.forEach((text, i) => {
      const key = cellKey(tableBox.top, tableBox.left + i);
      if (sheet.cells.get(key) !== text) this.setCell(sheet, tableBox.top, tableBox.left + i, text);
    });
    const table: Table = { id: this.nextId++, name: chosen, sheet, box: tableBox };
    this.tablesById.set(table.id, table);
    this.referencesChanged = true;
    this.changed();
    return table.id;
  }

  renameTable(id: number, name: string): void {
    const table = this.tablesById.get(id) ?? fail(ErrorCodes.itemNotFound, "The table no longer exists.");
    if (sameName(table.name, name)) checkTableName(name);
    else this.checkNewTableName(name);
    table.name = name;
    this.referencesChanged = true;
    this.changed();
  }

  deleteTable(id: number): void {
    this.tablesById.delete(id);
    this.referencesChanged = true;
    this.changed();
  }

  // ---- Charts ----------------------------------------------------------------------------------

  chartIds(sheetId: number): number[] {
    return [...this.chartsById.values()]
      .filter((chart) => chart.sheet.id === sheetId)
      .map((chart) => chart.id);
  }

  findChart(sheetId: number, name: string): number | undefined {
    return [...this.chartsById.values()].find(
      (chart) => chart.sheet.id === sheetId && sameName(chart.name, name),
    )?.id;
  }

  chart(id: number): { name: string; type: string; title: string } {
    const chart = this.chartsById.get(id) ?? fail(ErrorCodes.itemNotFound, "The chart no longer exists.");
    return { name: chart.name, type: chart.type, title: chart.title };
  }

  addChart(sheetId: number, type: string, source: { sheet: number; box: Box }, seriesBy: string): number {
    const sheet = this.sheet(sheetId);
    const taken = (name: string) => this.findChart(sheetId, name) !== undefined;
    const chart: Chart = {
      id: this.nextId++,
      sheet,
      name: this.unusedName("Chart ", 1, taken),
      type,
      title: "",
      source: { sheet: this.sheet(source.sheet), box: source.box },
      seriesBy,
    };
    this.chartsById.set(chart.id, chart);
    this.changed();
    return chart.id;
  }

  updateChart(
    id: number,
    patch: Partial<Pick<Chart, "name" | "type" | "title" | "position" | "seriesBy">>,
  ): void {
    const chart = this.chartsById.get(id) ?? fail(ErrorCodes.itemNotFound, "The chart no longer exists.");
    Object.assign(chart, patch);
    this.changed();
  }

  deleteChart(id: number): void {
    this.chartsById.delete(id);
    this.changed();
  }

  // ---- Settings --------------------------------------------------------------------------------

  settings(): Record<string, unknown> {
    return copyData(this.settingsStore);
  }

  saveSettings(settings: Record<string, unknown>): void {
    this.settingsStore = copyData(settings);
    this.changed();
  }

  // ---- Internals -------------------------------------------------------------------------------

  private load(snapshot: WorkbookSnapshot): void {
    this.transaction(() => {
      for (const saved of snapshot.sheets.length > 0 ? snapshot.sheets : [{ name: "Sheet1", cells: [] }]) {
        const sheet = this.sheet(this.addSheet(saved.name));
        saved.cells.forEach((row, r) =>
          row.forEach((value, c) => {
            if (value !== null && value !== "") sheet.cells.set(cellKey(r, c), value);
          }),
        );
        saved.numberFormats?.forEach((row, r) =>
          row.forEach((format, c) => {
            if (format && format !== "General") sheet.numberFormats.set(cellKey(r, c), format);
          }),
        );
        saved.columnWidths?.forEach((width, col) => {
          if (typeof width === "number" && width !== DEFAULT_COLUMN_WIDTH) sheet.columnWidths.set(col, width);
        });
        for (const [address, style] of Object.entries(saved.styles ?? {})) {
          const { box } = parseA1(address);
          sheet.styles.set(cellKey(box.top, box.left), { ...style });
        }
        sheet.frozenRows = saved.frozenRows ?? 0;
        sheet.frozenColumns = saved.frozenColumns ?? 0;
      }
      for (const saved of snapshot.tables) {
        const sheet = this.sheetNamed(saved.sheet);
        const table: Table = {
          id: this.nextId++,
          name: checkTableName(saved.name),
          sheet,
          box: this.parseOn(sheet, saved.address),
        };
        this.tablesById.set(table.id, table);
      }
      // Constants first, so that formulas (custom functions sizing their spills) find their inputs.
      for (const pass of ["constants", "formulas"]) {
        for (const sheet of this.sheets) {
          for (const [key, raw] of sheet.cells) {
            if (isFormula(raw) === (pass === "formulas")) {
              this.calc.set(sheet.hf, ...cellOf(key), this.toCalculation(sheet, key, raw));
            }
          }
        }
      }
      for (const saved of snapshot.charts) {
        const sheet = this.sheetNamed(saved.sheet);
        const { sheet: sourceSheet, box } = parseA1(saved.source);
        const chart: Chart = {
          id: this.nextId++,
          sheet,
          name: saved.name,
          type: saved.type,
          title: saved.title,
          source: { sheet: sourceSheet ? this.sheetNamed(sourceSheet) : sheet, box },
          seriesBy: saved.seriesBy ?? "Auto",
          position: saved.position,
        };
        this.chartsById.set(chart.id, chart);
      }
      this.settingsStore = copyData(snapshot.settings ?? {});
      if (snapshot.activeSheet) this.active = this.sheetNamed(snapshot.activeSheet);
      if (snapshot.selection) this.select(snapshot.selection.sheet, snapshot.selection.address);
    });
    this.dirty = false;
  }

  private sheetSnapshot(sheet: Sheet): SheetSnapshot {
    const saved: SheetSnapshot = { name: sheet.name, cells: denseGrid<PreviewCell>(sheet.cells, null) };
    if (sheet.numberFormats.size > 0) {
      saved.numberFormats = denseGrid<string | null>(sheet.numberFormats, null);
    }
    if (sheet.columnWidths.size > 0) {
      const last = Math.max(...sheet.columnWidths.keys());
      saved.columnWidths = Array.from(
        { length: last + 1 },
        (_, c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH,
      );
    }
    if (sheet.styles.size > 0) {
      saved.styles = Object.fromEntries(
        [...sheet.styles].map(([key, style]) => [formatA1(cellBox(...cellOf(key))), { ...style }]),
      );
    }
    if (sheet.frozenRows) saved.frozenRows = sheet.frozenRows;
    if (sheet.frozenColumns) saved.frozenColumns = sheet.frozenColumns;
    return saved;
  }

  private sheet(id: number): Sheet {
    return (
      this.sheets.find((sheet) => sheet.id === id) ??
      fail(ErrorCodes.itemNotFound, "The worksheet no longer exists.")
    );
  }

  private sheetNamed(name: string): Sheet {
    const id = this.findSheet(name);
    return id === undefined
      ? fail(ErrorCodes.itemNotFound, `There is no worksheet named "${name}".`)
      : this.sheet(id);
  }

  private parseOn(sheet: Sheet, address: string): Box {
    const { sheet: named, box } = parseA1(address);
    if (named !== undefined && !sameName(named, sheet.name)) {
      fail(ErrorCodes.invalidArgument, `"${address}" is not on the worksheet "${sheet.name}".`);
    }
    return box;
  }

  private setCell(sheet: Sheet, row: number, col: number, value: PreviewCell): void {
    const key = cellKey(row, col);
    if (value === null || value === "") sheet.cells.delete(key);
    else sheet.cells.set(key, value);
    for (const table of this.tablesById.values()) {
      if (table.sheet === sheet && row === table.box.top && containsCell(table.box, row, col)) {
        this.referencesChanged = true;
      }
    }
    this.calc.set(
      sheet.hf,
      row,
      col,
      value === null || value === "" ? null : this.toCalculation(sheet, key, value),
    );
  }

  /**
   * What HyperFormula gets for a raw cell: structured references translated, bare ranges made to
   * spill, exponents in its spelling.
   */
  private toCalculation(
    sheet: Sheet,
    key: number,
    raw: Exclude<PreviewCell, null>,
  ): Exclude<PreviewCell, null> {
    if (!isFormula(raw)) return raw;
    const [row, col] = cellOf(key);
    const text = hasStructuredReference(raw)
      ? translateStructuredReferences(raw, this.referenceContext(sheet, row, col))
      : raw;
    return spillBareRange(lowerExponents(text));
  }

  private referenceContext(sheet: Sheet, row: number, col: number): ReferenceContext {
    const layout = (table: Table): TableLayout => ({
      name: table.name,
      sheet: table.sheet.name,
      box: table.box,
      headers: this.headersOf(table),
    });
    const tables = [...this.tablesById.values()];
    return {
      row,
      table: (name) => {
        const found = tables.find((table) => sameName(table.name, name));
        return found && layout(found);
      },
      enclosingTable: () => {
        const found = tables.find((table) => table.sheet === sheet && containsCell(table.box, row, col));
        return found && layout(found);
      },
    };
  }

  /** Headers are text constants in Excel, so the raw cells are the names. */
  private headersOf(table: Table): string[] {
    return Array.from({ length: boxWidth(table.box) }, (_, i) => {
      const raw = table.sheet.cells.get(cellKey(table.box.top, table.box.left + i));
      return raw === undefined ? "" : String(raw);
    });
  }

  private checkNewTableName(name: string): void {
    checkTableName(name);
    if (this.findTable(name) !== undefined) {
      fail(ErrorCodes.itemAlreadyExists, `A table named "${name}" already exists.`);
    }
  }

  private unusedName(stem: string, from: number, taken: (name: string) => boolean): string {
    let n = from;
    while (taken(`${stem}${n}`)) n++;
    return `${stem}${n}`;
  }

  private formulasIn(sheet: Sheet, box: Box): PreviewCell[][] {
    const values = this.calculated(sheet, box);
    return values.map((row, r) =>
      row.map((value, c) => {
        const raw = sheet.cells.get(cellKey(box.top + r, box.left + c));
        return isFormula(raw) ? raw : shown(value);
      }),
    );
  }

  private calculated(sheet: Sheet, box: Box): CalculatedValue[][] {
    this.settle();
    return this.calc.values(sheet.hf, box);
  }

  /** A box cut to the sheet's extent, so whole rows and columns cost what the sheet holds. */
  private withinContents(sheet: Sheet, box: Box): Box | undefined {
    const extent = this.extent(sheet);
    const large = boxHeight(box) * boxWidth(box) > 100_000;
    return large ? extent && clip(box, extent) : box;
  }

  /** From A1 to the last cell holding anything: contents, spilled values or formats. */
  private extent(sheet: Sheet): Box | undefined {
    const used = boundsOf([...this.filledKeys(sheet), ...sheet.numberFormats.keys(), ...sheet.styles.keys()]);
    return used && { top: 0, left: 0, bottom: used.bottom, right: used.right };
  }

  /** Keys of cells showing something: raw contents and spilled results. */
  private filledKeys(sheet: Sheet): Set<number> {
    const keys = new Set(sheet.cells.keys());
    this.settle();
    const { height, width } = this.calc.dimensions(sheet.hf);
    if (height > 0 && width > 0) {
      this.calc
        .values(sheet.hf, { top: 0, left: 0, bottom: height - 1, right: width - 1 })
        .forEach((row, r) =>
          row.forEach((value, c) => {
            if (value !== null && value !== "") keys.add(cellKey(r, c));
          }),
        );
    }
    return keys;
  }

  private grid<T>(box: Box, cell: (row: number, col: number) => T): T[][] {
    return Array.from({ length: boxHeight(box) }, (_, r) =>
      Array.from({ length: boxWidth(box) }, (_, c) => cell(box.top + r, box.left + c)),
    );
  }

  /** Translates structured references again where tables, headers or sheet names changed. */
  private settle(): void {
    if (this.referencesChanged) {
      this.referencesChanged = false;
      for (const sheet of this.sheets) {
        for (const [key, raw] of sheet.cells) {
          if (!isFormula(raw) || !hasStructuredReference(raw)) continue;
          const text = this.toCalculation(sheet, key, raw);
          const [row, col] = cellOf(key);
          if (this.calc.enteredFormula(sheet.hf, row, col) !== text) this.calc.set(sheet.hf, row, col, text);
        }
      }
    }
    this.calc.settle();
  }

  private changed(): void {
    this.dirty = true;
    if (this.depth === 0) this.flush();
  }

  private flush(): void {
    this.settle();
    if (!this.dirty) return;
    this.dirty = false;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        console.error("A preview workbook listener failed:", error);
      }
    }
  }
}

function shownLength(value: PreviewCell, numberFormat: string): number {
  if (value === null) return 0;
  if (typeof value === "number") return formatCell(value, numberFormat).length;
  return String(value).length;
}
