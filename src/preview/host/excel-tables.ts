/** Excel's tables, their columns and their parts as ranges, over a PreviewWorkbook. */
import { type Box, parseA1 } from "./addresses";
import { type Batch, Binding, ClientCollection, ClientObject, ClientResult } from "./client-object";
import { ErrorCodes, fail } from "./errors";
import { type Place, Range } from "./excel-range";

// ---- Tables -----------------------------------------------------------------------------------

const tableBinding = (batch: Batch, find: () => number | undefined, missing: string) =>
  new Binding<number>(find, missing, (id) => batch.host.tableIds().includes(id));

export class Table extends ClientObject {
  constructor(
    batch: Batch,
    private readonly binding: Binding<number>,
    nullable = false,
  ) {
    super(batch, "Table", nullable);
  }

  protected override exists(): boolean {
    return this.binding.tryGet() !== undefined;
  }

  protected properties() {
    return {
      name: () => this.info().name,
      id: () => `{preview-table-${this.binding.get()}}`,
      // Tables here always have a header row and never a totals row; info() fails once deleted.
      showHeaders: () => {
        this.info();
        return true;
      },
      showTotals: () => {
        this.info();
        return false;
      },
    };
  }

  protected override child(name: string): ClientObject | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, () => this.batch.host.renameTable(this.binding.get(), name));
  }
  get id(): string {
    return this.read("id");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }

  get worksheet(): ClientObject {
    return this.navigate("worksheet", () =>
      this.batch.worksheet(new Binding(() => this.info().sheet, "The table no longer exists.")),
    );
  }

  get columns(): TableColumnCollection {
    return this.navigate("columns", () => new TableColumnCollection(this.batch, this.binding));
  }

  /** Header row and data body. */
  getRange(): Range {
    return this.part((box) => box);
  }
  getHeaderRowRange(): Range {
    return this.part((box) => ({ ...box, bottom: box.top }));
  }
  getDataBodyRange(): Range {
    return this.part((box) => ({ ...box, top: box.top + 1 }));
  }

  delete(): void {
    this.batch.enqueue(() => this.batch.host.deleteTable(this.binding.get()));
  }

  private info() {
    return this.batch.host.table(this.binding.get());
  }

  private part(select: (box: Box) => Box): Range {
    return new Range(this.batch, () => {
      const { sheet, box } = this.info();
      return { sheet, box: select(box) };
    });
  }
}

export class TableCollection extends ClientCollection<Table> {
  /** sheet: the worksheet whose tables these are; undefined for workbook.tables. */
  constructor(
    batch: Batch,
    private readonly sheet?: () => number,
  ) {
    super(batch, "TableCollection");
  }

  protected itemProxies(): Table[] {
    const host = this.batch.host;
    const sheet = this.sheet?.();
    return host
      .tableIds()
      .filter((id) => sheet === undefined || host.table(id).sheet === sheet)
      .map(
        (id) =>
          new Table(
            this.batch,
            tableBinding(this.batch, () => id, "The table no longer exists."),
          ),
      );
  }
  protected itemProperties(): string[] {
    return ["name", "id", "showHeaders", "showTotals", "worksheet"];
  }

  getItem(name: string): Table {
    return new Table(this.batch, this.byName(name));
  }

  getItemOrNullObject(name: string): Table {
    return new Table(this.batch, this.byName(name), true);
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.batch, () => this.itemProxies().length);
  }

  /**
   * address: "A1:F201" (on this sheet, or the active one for workbook.tables), "'Sheet'!A1:F2",
   * or a Range. Only hasHeaders = true is supported.
   */
  add(address: string | Range, hasHeaders: boolean): Table {
    const binding = tableBinding(this.batch, () => undefined, "The table was not added.");
    this.batch.enqueue(() => {
      if (!hasHeaders) {
        fail(
          ErrorCodes.invalidArgument,
          "tables.add(address, false) is not supported by the preview host: give the header row.",
        );
      }
      const { sheet, box } = this.placeOf(address);
      binding.bind(this.batch.host.addTable(sheet, box));
    });
    return new Table(this.batch, binding);
  }

  private placeOf(address: string | Range): Place {
    const host = this.batch.host;
    if (address instanceof Range) return address.place();
    let parsed: ReturnType<typeof parseA1>;
    try {
      parsed = parseA1(String(address));
    } catch (error) {
      return fail(ErrorCodes.invalidArgument, (error as Error).message);
    }
    const own = this.sheet?.();
    if (parsed.sheet === undefined) return { sheet: own ?? host.activeSheetId(), box: parsed.box };
    const named =
      host.findSheet(parsed.sheet) ??
      fail(ErrorCodes.itemNotFound, `There is no worksheet "${parsed.sheet}".`);
    if (own !== undefined && own !== named) {
      fail(ErrorCodes.invalidArgument, `"${address}" is on another worksheet.`);
    }
    return { sheet: named, box: parsed.box };
  }

  private byName(name: string): Binding<number> {
    const host = this.batch.host;
    return tableBinding(
      this.batch,
      () => {
        const id = host.findTable(name);
        return id !== undefined && (this.sheet === undefined || host.table(id).sheet === this.sheet())
          ? id
          : undefined;
      },
      `The table "${name}" does not exist.`,
    );
  }
}

class TableColumn extends ClientObject {
  constructor(
    batch: Batch,
    private readonly table: Binding<number>,
    private readonly column: Binding<number>,
    nullable = false,
  ) {
    super(batch, "TableColumn", nullable);
  }

  protected override exists(): boolean {
    return this.column.tryGet() !== undefined;
  }

  protected properties() {
    return {
      name: () => this.batch.host.tableHeaders(this.table.get())[this.column.get()],
      index: () => this.column.get(),
    };
  }

  get name(): string {
    return this.read("name");
  }
  get index(): number {
    return this.read("index");
  }

  getRange(): Range {
    return this.part((box) => box);
  }
  getHeaderRowRange(): Range {
    return this.part((box) => ({ ...box, bottom: box.top }));
  }
  getDataBodyRange(): Range {
    return this.part((box) => ({ ...box, top: box.top + 1 }));
  }

  private part(select: (box: Box) => Box): Range {
    return new Range(this.batch, () => {
      const { sheet, box } = this.batch.host.table(this.table.get());
      const col = box.left + this.column.get();
      return { sheet, box: select({ ...box, left: col, right: col }) };
    });
  }
}

class TableColumnCollection extends ClientCollection<TableColumn> {
  constructor(
    batch: Batch,
    private readonly table: Binding<number>,
  ) {
    super(batch, "TableColumnCollection");
  }

  protected itemProxies(): TableColumn[] {
    return this.batch.host
      .tableHeaders(this.table.get())
      .map((_, i) => new TableColumn(this.batch, this.table, Binding.to(i)));
  }
  protected itemProperties(): string[] {
    return ["name", "index"];
  }

  getItem(key: string | number): TableColumn {
    return new TableColumn(this.batch, this.table, this.byKey(key));
  }
  getItemOrNullObject(key: string | number): TableColumn {
    return new TableColumn(this.batch, this.table, this.byKey(key), true);
  }
  getItemAt(index: number): TableColumn {
    return this.getItem(index);
  }

  private byKey(key: string | number): Binding<number> {
    return new Binding<number>(() => {
      const headers = this.batch.host.tableHeaders(this.table.get());
      if (typeof key === "number") return key >= 0 && key < headers.length ? key : undefined;
      const index = headers.findIndex((header) => header.toLowerCase() === String(key).toLowerCase());
      return index < 0 ? undefined : index;
    }, `The table has no column "${key}".`);
  }
}
