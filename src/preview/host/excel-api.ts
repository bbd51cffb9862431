/**
 * The part of the Excel JavaScript API the task pane uses, over a PreviewWorkbook: Excel.run, the
 * request context, workbook and worksheets here; ranges, tables and charts in excel-range.ts,
 * excel-tables.ts and excel-charts.ts. Objects are proxies with Excel's load/sync rules
 * (client-object.ts); everything is applied in order at context.sync(), and a failing operation
 * rejects the sync and drops the rest of the batch. What is missing is missing loudly: a method
 * the preview lacks is undefined, a property it lacks cannot be loaded.
 */
import { cellBox, isInsideSheet } from "./addresses";
import { type Batch, Binding, ClientCollection, ClientObject, ClientResult, once } from "./client-object";
import { ErrorCodes, fail, OfficeExtensionError } from "./errors";
import { ChartCollection, ChartSeriesBy, ChartType } from "./excel-charts";
import { checkCount, ClearApplyTo, parseOnSheet, Range } from "./excel-range";
import { TableCollection } from "./excel-tables";
import type { PreviewWorkbook } from "./workbook";

// ---- Enums the pane reads ---------------------------------------------------------------------

export const CalculationType = {
  recalculate: "Recalculate",
  full: "Full",
  fullRebuild: "FullRebuild",
} as const;

// ---- Request context ----------------------------------------------------------------------------

export class RequestContext implements Batch {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: (() => void)[] = [];

  constructor(readonly host: PreviewWorkbook) {
    this.workbook = new Workbook(this);
    this.application = this.workbook.application;
  }

  enqueue(operation: () => void): void {
    this.queue.push(operation);
  }

  worksheet(sheet: Binding<number>): Worksheet {
    return new Worksheet(this, sheet);
  }

  /**
   * Applies the queued operations in order; the first failure rejects and drops the rest. A
   * failure inside the preview itself comes out as Excel's GeneralException.
   */
  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const batch = this.queue.splice(0);
    await Promise.resolve(); // Excel answers asynchronously
    if (batch.length === 0) return passThroughValue;
    try {
      this.host.transaction(() => batch.forEach((operation) => operation()));
    } catch (error) {
      if (error instanceof OfficeExtensionError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new OfficeExtensionError(ErrorCodes.generalException, message);
    }
    return passThroughValue;
  }
}

// ---- Worksheets -------------------------------------------------------------------------------

const sheetBinding = (batch: Batch, find: () => number | undefined, missing: string) =>
  new Binding<number>(find, missing, (id) => batch.host.hasSheet(id));

export class Worksheet extends ClientObject {
  constructor(
    batch: Batch,
    private readonly binding: Binding<number>,
    nullable = false,
  ) {
    super(batch, "Worksheet", nullable);
  }

  protected override exists(): boolean {
    return this.binding.tryGet() !== undefined;
  }

  protected properties() {
    const host = this.batch.host;
    return {
      name: () => host.sheetName(this.binding.get()),
      position: () => host.sheetPosition(this.binding.get()),
      id: () => `{preview-sheet-${this.binding.get()}}`,
      visibility: () => {
        this.binding.get();
        return "Visible";
      },
    };
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, () => this.batch.host.renameSheet(this.binding.get(), name));
  }
  get position(): number {
    return this.read("position");
  }
  set position(position: number) {
    this.write("position", position, () => this.batch.host.moveSheet(this.binding.get(), position));
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }

  get tables(): TableCollection {
    return this.navigate("tables", () => new TableCollection(this.batch, () => this.binding.get()));
  }
  get charts(): ChartCollection {
    return this.navigate("charts", () => new ChartCollection(this.batch, this.binding));
  }
  get freezePanes(): FreezePanes {
    return this.navigate("freezePanes", () => new FreezePanes(this.batch, this.binding));
  }

  /** "A1", "B4:D9", with or without $; an address naming another sheet is refused. */
  getRange(address?: string): Range {
    if (address === undefined) {
      fail(
        ErrorCodes.invalidArgument,
        "Worksheet.getRange() without an address (the whole sheet) is not supported by the preview host.",
      );
    }
    return new Range(this.batch, () => {
      const sheet = this.binding.get();
      return { sheet, box: parseOnSheet(this.batch.host.sheetName(sheet), address) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this.batch, () => {
      const box = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (rowCount < 1 || columnCount < 1 || !isInsideSheet(box)) {
        fail(
          ErrorCodes.invalidArgument,
          "getRangeByIndexes: the range has no cells or lies outside the worksheet.",
        );
      }
      return { sheet: this.binding.get(), box };
    });
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Excel gives A1 for an empty sheet. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.batch, () => {
      const sheet = this.binding.get();
      return { sheet, box: this.batch.host.usedBox(sheet, valuesOnly) ?? cellBox(0, 0) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const used = once(() => {
      const sheet = this.binding.get();
      return { sheet, box: this.batch.host.usedBox(sheet, valuesOnly) };
    });
    return new Range(
      this.batch,
      () => {
        const { sheet, box } = used();
        return box ? { sheet, box } : fail(ErrorCodes.itemNotFound, "The worksheet is empty.");
      },
      true,
      () => used().box !== undefined,
    );
  }

  activate(): void {
    this.batch.enqueue(() => this.batch.host.activate(this.binding.get()));
  }

  delete(): void {
    this.batch.enqueue(() => this.batch.host.deleteSheet(this.binding.get()));
  }
}

export class WorksheetCollection extends ClientCollection<Worksheet> {
  constructor(batch: Batch) {
    super(batch, "WorksheetCollection");
  }

  protected itemProxies(): Worksheet[] {
    return this.batch.host.sheetIds().map(
      (id) =>
        new Worksheet(
          this.batch,
          Binding.to(id, (s) => this.batch.host.hasSheet(s)),
        ),
    );
  }
  protected itemProperties(): string[] {
    return ["name", "position", "id", "visibility"];
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.batch, this.byName(name));
  }

  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.batch, this.byName(name), true);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(
      this.batch,
      sheetBinding(this.batch, () => this.batch.host.activeSheetId(), "No active worksheet."),
    );
  }

  getFirst(): Worksheet {
    return new Worksheet(
      this.batch,
      sheetBinding(this.batch, () => this.batch.host.sheetIds()[0], "No worksheet."),
    );
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.batch, () => this.batch.host.sheetIds().length);
  }

  /** Adds a sheet after the last one, as Excel does; it does not become active. */
  add(name?: string): Worksheet {
    const binding = sheetBinding(this.batch, () => undefined, "The worksheet was not added.");
    this.batch.enqueue(() => binding.bind(this.batch.host.addSheet(name)));
    return new Worksheet(this.batch, binding);
  }

  private byName(name: string): Binding<number> {
    return sheetBinding(
      this.batch,
      () => this.batch.host.findSheet(name),
      `The worksheet "${name}" does not exist.`,
    );
  }
}

class FreezePanes extends ClientObject {
  constructor(
    batch: Batch,
    private readonly sheet: Binding<number>,
  ) {
    super(batch, "WorksheetFreezePanes");
  }

  protected properties() {
    return {};
  }

  freezeRows(count = 1): void {
    this.batch.enqueue(() => {
      const sheet = this.sheet.get();
      this.batch.host.freeze(sheet, checkCount(count, "freezeRows count"), 0);
    });
  }

  freezeColumns(count = 1): void {
    this.batch.enqueue(() => {
      const sheet = this.sheet.get();
      this.batch.host.freeze(sheet, 0, checkCount(count, "freezeColumns count"));
    });
  }

  unfreeze(): void {
    this.batch.enqueue(() => this.batch.host.freeze(this.sheet.get(), 0, 0));
  }
}

// ---- Workbook and application -----------------------------------------------------------------

class Application extends ClientObject {
  constructor(batch: Batch) {
    super(batch, "Application");
  }

  protected properties() {
    return { calculationMode: () => "Automatic" };
  }

  get calculationMode(): string {
    return this.read("calculationMode");
  }

  /** Every kind recalculates fully: custom functions are called again. */
  calculate(calculationType: string = CalculationType.full): void {
    void calculationType;
    this.batch.enqueue(() => this.batch.host.recalculate());
  }

  suspendApiCalculationUntilNextSync(): void {}
}

export class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly application: Application;

  constructor(batch: Batch) {
    super(batch, "Workbook");
    this.worksheets = new WorksheetCollection(batch);
    this.tables = new TableCollection(batch);
    this.application = new Application(batch);
  }

  protected properties() {
    return { name: () => "Preview.xlsx" };
  }

  get name(): string {
    return this.read("name");
  }

  getSelectedRange(): Range {
    return new Range(this.batch, () => this.batch.host.selectedBox());
  }

  getActiveCell(): Range {
    return new Range(this.batch, () => {
      const { sheet, box } = this.batch.host.selectedBox();
      return { sheet, box: cellBox(box.top, box.left) };
    });
  }
}

// ---- The Excel namespace ----------------------------------------------------------------------

export type ExcelBatch<T> = (context: RequestContext) => Promise<T> | T;

/** The global Excel object; `workbook` is asked for at each run, since the page creates it late. */
export function createExcel(workbook: () => PreviewWorkbook) {
  return {
    RequestContext: class extends RequestContext {
      constructor() {
        super(workbook());
      }
    },
    ErrorCodes: { ...ErrorCodes },
    ChartType,
    ChartSeriesBy,
    ClearApplyTo,
    CalculationType,
    /** Excel.run(batch): runs the batch, syncs what it left queued, and returns its result. */
    async run<T>(batch: ExcelBatch<T>): Promise<T> {
      if (typeof batch !== "function") {
        throw new OfficeExtensionError(
          ErrorCodes.invalidArgument,
          "The preview host supports only Excel.run(batch).",
        );
      }
      const context = new RequestContext(workbook());
      const result = await batch(context);
      await context.sync();
      return result;
    },
  };
}
