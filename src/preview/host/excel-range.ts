/**
 * Excel's Range and its formats over a PreviewWorkbook: where a range is gets worked out at the
 * first sync that needs it; writes are checked against the range's size as Excel checks them.
 */
import { type Box, boxHeight, boxWidth, cellBox, excelAddress, isInsideSheet, parseA1 } from "./addresses";
import { type Batch, Binding, ClientObject, ClientResult, once } from "./client-object";
import { ErrorCodes, fail } from "./errors";
import { copyData } from "./sheet-model";
import type { CellStyle, ClearTarget, PreviewCell } from "./workbook";

export const ClearApplyTo = { all: "All", formats: "Formats", contents: "Contents" } as const;

/** A range's sheet (by id) and cells. */
export type Place = { sheet: number; box: Box };

// ---- Input checks -----------------------------------------------------------------------------

const SIZE_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** A 2-D array exactly the range's size; null cells (left unchanged, as in Excel) become undefined. */
function gridFor<T>(input: unknown, box: Box, accept: (cell: unknown) => cell is T, what: string) {
  if (
    !Array.isArray(input) ||
    input.length !== boxHeight(box) ||
    input.some((row) => !Array.isArray(row) || row.length !== boxWidth(box))
  ) {
    fail(ErrorCodes.invalidArgument, `${SIZE_MISMATCH} (${what} of ${boxHeight(box)} x ${boxWidth(box)})`);
  }
  return (input as unknown[][]).map((row) =>
    row.map((cell) => {
      if (cell === null || cell === undefined) return undefined;
      if (!accept(cell)) fail(ErrorCodes.invalidArgument, `${what} cannot hold ${describe(cell)}.`);
      return cell;
    }),
  );
}

export function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  return Object.prototype.toString.call(value);
}

// NaN and Infinity would reach Excel as null (JSON) and silently leave the cell unchanged; the
// preview refuses them so the pane's bug shows.
const isCellInput = (cell: unknown): cell is Exclude<PreviewCell, null> =>
  typeof cell === "string" ||
  typeof cell === "boolean" ||
  (typeof cell === "number" && Number.isFinite(cell));
const isText = (cell: unknown): cell is string => typeof cell === "string";

function offsetBox(box: Box, rows: number, cols: number): Box {
  const moved = {
    top: box.top + rows,
    left: box.left + cols,
    bottom: box.bottom + rows,
    right: box.right + cols,
  };
  if (!isInsideSheet(moved)) fail(ErrorCodes.invalidArgument, "The range would lie outside the worksheet.");
  return moved;
}

export function checkCount(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    fail(ErrorCodes.invalidArgument, `${what} must be a whole number >= 0; got ${describe(value)}.`);
  }
  return value;
}

/** One value when every cell has it, null when they differ, as Excel reports formats. */
function uniform<T>(values: T[]): T | null {
  return values.every((value) => value === values[0]) ? values[0] : null;
}

/** An address on the given sheet; one naming another sheet is refused. */
export function parseOnSheet(sheetName: string, address: string): Box {
  let parsed: ReturnType<typeof parseA1>;
  try {
    parsed = parseA1(String(address));
  } catch (error) {
    return fail(ErrorCodes.invalidArgument, (error as Error).message);
  }
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheetName.toLowerCase()) {
    fail(ErrorCodes.invalidArgument, `"${address}" is not on the worksheet "${sheetName}".`);
  }
  return parsed.box;
}

// ---- Ranges -----------------------------------------------------------------------------------

export class Range extends ClientObject {
  /** Where the range is, worked out at the first sync that needs it (not part of Excel's API). */
  readonly place: () => Place;

  constructor(
    batch: Batch,
    place: () => Place,
    nullable = false,
    private readonly present: () => boolean = () => true,
  ) {
    super(batch, "Range", nullable);
    this.place = once(place);
  }

  protected override exists(): boolean {
    return this.present();
  }

  protected properties() {
    const host = this.batch.host;
    const at = () => this.place();
    return {
      address: () => excelAddress(host.sheetName(at().sheet), at().box),
      addressLocal: () => excelAddress(host.sheetName(at().sheet), at().box),
      values: () => host.readValues(at().sheet, at().box).map((row) => row.map((v) => v ?? "")),
      formulas: () => host.readFormulas(at().sheet, at().box).map((row) => row.map((v) => v ?? "")),
      numberFormat: () => host.readNumberFormats(at().sheet, at().box),
      valueTypes: () => host.readValues(at().sheet, at().box).map((row) => row.map(valueType)),
      rowCount: () => boxHeight(at().box),
      columnCount: () => boxWidth(at().box),
      cellCount: () => boxHeight(at().box) * boxWidth(at().box),
      rowIndex: () => at().box.top,
      columnIndex: () => at().box.left,
    };
  }

  protected override child(name: string): ClientObject | undefined {
    return name === "worksheet" ? this.worksheet : name === "format" ? this.format : undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get values(): PreviewCell[][] {
    return this.read("values");
  }
  set values(input: PreviewCell[][]) {
    const copy = copyData(input);
    this.write("values", input, () => {
      const { sheet, box } = this.place();
      this.batch.host.write(sheet, box.top, box.left, gridFor(copy, box, isCellInput, "Range.values"));
    });
  }

  get formulas(): PreviewCell[][] {
    return this.read("formulas");
  }
  set formulas(input: PreviewCell[][]) {
    const copy = copyData(input);
    this.write("formulas", input, () => {
      const { sheet, box } = this.place();
      this.batch.host.write(sheet, box.top, box.left, gridFor(copy, box, isCellInput, "Range.formulas"));
    });
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: string[][]) {
    const copy = copyData(input);
    this.write("numberFormat", input, () => {
      const { sheet, box } = this.place();
      this.batch.host.writeNumberFormats(
        sheet,
        box.top,
        box.left,
        gridFor(copy, box, isText, "Range.numberFormat"),
      );
    });
  }

  get worksheet(): ClientObject {
    return this.navigate("worksheet", () =>
      this.batch.worksheet(new Binding(() => this.place().sheet, "The worksheet no longer exists.")),
    );
  }

  get format(): RangeFormat {
    return this.navigate("format", () => new RangeFormat(this.batch, () => this.place()));
  }

  getCell(row: number, column: number): Range {
    return this.derived((box) =>
      offsetBox(cellBox(box.top, box.left), checkCount(row, "row"), checkCount(column, "column")),
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived((box) => offsetBox(box, rowOffset, columnOffset));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived((box) => {
      const resized = { ...box, bottom: box.bottom + deltaRows, right: box.right + deltaColumns };
      if (resized.bottom < resized.top || resized.right < resized.left || !isInsideSheet(resized)) {
        fail(
          ErrorCodes.invalidArgument,
          "The resized range would have no cells or lie outside the worksheet.",
        );
      }
      return resized;
    });
  }

  getRow(row: number): Range {
    return this.derived((box) => {
      if (checkCount(row, "row") >= boxHeight(box)) {
        fail(ErrorCodes.invalidArgument, `The range has no row ${row}.`);
      }
      return { ...box, top: box.top + row, bottom: box.top + row };
    });
  }

  getColumn(column: number): Range {
    return this.derived((box) => {
      if (checkCount(column, "column") >= boxWidth(box)) {
        fail(ErrorCodes.invalidArgument, `The range has no column ${column}.`);
      }
      return { ...box, left: box.left + column, right: box.left + column };
    });
  }

  getLastRow(): Range {
    return this.derived((box) => ({ ...box, top: box.bottom }));
  }

  getLastColumn(): Range {
    return this.derived((box) => ({ ...box, left: box.right }));
  }

  /** Excel's current region around this range's top-left cell. */
  getSurroundingRegion(): Range {
    return new Range(this.batch, () => {
      const { sheet, box } = this.place();
      return { sheet, box: this.batch.host.surroundingRegion(sheet, box) };
    });
  }

  clear(applyTo: string = ClearApplyTo.all): void {
    const targets: Record<string, ClearTarget> = { All: "all", Formats: "formats", Contents: "contents" };
    const target = targets[applyTo];
    if (!target) {
      fail(ErrorCodes.invalidArgument, `Range.clear does not know "${applyTo}" in the preview host.`);
    }
    this.batch.enqueue(() => {
      const { sheet, box } = this.place();
      this.batch.host.clear(sheet, box, target);
    });
  }

  /**
   * Excel's spill range of an anchor cell, anchor included; a null object for a cell whose formula
   * does not spill (or that holds none). Excel refuses a range of more than one cell.
   */
  getSpillingToRangeOrNullObject(): Range {
    const spill = once(() => {
      const { sheet, box } = this.place();
      if (boxHeight(box) !== 1 || boxWidth(box) !== 1) {
        fail(ErrorCodes.invalidArgument, "getSpillingToRange takes a single cell.");
      }
      return { sheet, box: this.batch.host.spillBox(sheet, box.top, box.left) };
    });
    return new Range(
      this.batch,
      () => {
        const { sheet, box } = spill();
        return box ? { sheet, box } : fail(ErrorCodes.itemNotFound, "The cell does not spill.");
      },
      true,
      () => spill().box !== undefined,
    );
  }

  /**
   * Excel's per-cell properties, for what the preview keeps: address, and format's font (bold,
   * italic, color), fill color and horizontalAlignment. Asking for anything else is refused.
   */
  getCellProperties(options: unknown): ClientResult<Record<string, unknown>[][]> {
    checkPropertyOptions(options, CELL_PROPERTIES, "getCellProperties");
    return new ClientResult(this.batch, () => {
      const { sheet, box } = this.place();
      const host = this.batch.host;
      const sheetName = host.sheetName(sheet);
      return host.readStyles(sheet, box).map((row, r) =>
        row.map((style, c) =>
          pickProperties(options, {
            address: excelAddress(sheetName, cellBox(box.top + r, box.left + c)),
            format: {
              font: {
                bold: style.bold ?? false,
                italic: style.italic ?? false,
                color: style.fontColor ?? "#000000",
              },
              fill: { color: style.fill ?? "#FFFFFF" },
              horizontalAlignment: style.horizontalAlignment ?? "General",
            },
          }),
        ),
      );
    });
  }

  select(): void {
    this.batch.enqueue(() => {
      const { sheet, box } = this.place();
      this.batch.host.selectBox(sheet, box);
    });
  }

  private derived(reshape: (box: Box) => Box): Range {
    return new Range(this.batch, () => {
      const { sheet, box } = this.place();
      return { sheet, box: reshape(box) };
    });
  }
}

// ---- Cell properties --------------------------------------------------------------------------

type PropertyTree = { [name: string]: true | PropertyTree };

/** The properties getCellProperties can give in the preview. */
const CELL_PROPERTIES: PropertyTree = {
  address: true,
  format: {
    font: { bold: true, italic: true, color: true },
    fill: { color: true },
    horizontalAlignment: true,
  },
};

function checkPropertyOptions(options: unknown, known: PropertyTree, method: string, path = ""): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    fail(
      ErrorCodes.invalidArgument,
      `${method} needs an object of properties to load${path ? ` at ${path}` : ""}.`,
    );
  }
  for (const [name, wanted] of Object.entries(options)) {
    const where = path ? `${path}.${name}` : name;
    const supported = known[name];
    if (supported === undefined) {
      fail(ErrorCodes.invalidArgument, `${method}: the preview host does not give "${where}".`);
    }
    if (typeof wanted === "object" && wanted !== null) {
      if (supported === true) fail(ErrorCodes.invalidArgument, `${method}: "${where}" has no parts.`);
      checkPropertyOptions(wanted, supported as PropertyTree, method, where);
    }
  }
}

/** The parts of `all` that options asks for (true for a whole part, an object for some of it). */
function pickProperties(options: unknown, all: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [name, wanted] of Object.entries(options as Record<string, unknown>)) {
    if (wanted === true) picked[name] = copyData(all[name]);
    else if (typeof wanted === "object" && wanted !== null) {
      picked[name] = pickProperties(wanted, all[name] as Record<string, unknown>);
    }
  }
  return picked;
}

function valueType(value: PreviewCell): string {
  if (value === null) return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return /^#(VALUE!|NUM!|N\/A|DIV\/0!|NAME\?|REF!|NULL!|SPILL!|CALC!|CYCLE!|ERROR!)$/.test(value)
    ? "Error"
    : "String";
}

class RangeFormat extends ClientObject {
  constructor(
    batch: Batch,
    private readonly place: () => Place,
  ) {
    super(batch, "RangeFormat");
  }

  protected properties() {
    return {
      columnWidth: () => {
        const { sheet, box } = this.place();
        return uniform(this.batch.host.columnWidths(sheet, box));
      },
      horizontalAlignment: () =>
        uniform(this.styles().map((style) => style.horizontalAlignment ?? "General")),
    };
  }

  protected override child(name: string): ClientObject | undefined {
    return name === "font" ? this.font : name === "fill" ? this.fill : undefined;
  }

  get font(): RangeFont {
    return this.navigate("font", () => new RangeFont(this.batch, this.place));
  }
  get fill(): RangeFill {
    return this.navigate("fill", () => new RangeFill(this.batch, this.place));
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(width: number) {
    this.write("columnWidth", width, () => {
      const { sheet, box } = this.place();
      this.batch.host.setColumnWidth(sheet, box, width);
    });
  }

  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(alignment: string) {
    this.write("horizontalAlignment", alignment, () =>
      styleBox(this.batch, this.place(), { horizontalAlignment: alignment }),
    );
  }

  /** Approximated from the length of the shown values. */
  autofitColumns(): void {
    this.batch.enqueue(() => {
      const { sheet, box } = this.place();
      this.batch.host.autofitColumns(sheet, box);
    });
  }

  /** Rows keep Excel's default height in the preview. */
  autofitRows(): void {}

  private styles(): CellStyle[] {
    const { sheet, box } = this.place();
    return this.batch.host.readStyles(sheet, box).flat();
  }
}

function styleBox(batch: Batch, place: Place, patch: CellStyle): void {
  batch.host.applyStyle(place.sheet, place.box, patch);
}

class RangeFont extends ClientObject {
  constructor(
    batch: Batch,
    private readonly place: () => Place,
  ) {
    super(batch, "RangeFont");
  }

  protected properties() {
    const styles = () => this.batch.host.readStyles(this.place().sheet, this.place().box).flat();
    return {
      bold: () => uniform(styles().map((style) => style.bold ?? false)),
      italic: () => uniform(styles().map((style) => style.italic ?? false)),
      color: () => uniform(styles().map((style) => style.fontColor ?? "#000000")),
    };
  }

  get bold(): boolean {
    return this.read("bold");
  }
  set bold(bold: boolean) {
    this.write("bold", bold, () => styleBox(this.batch, this.place(), { bold: bold || undefined }));
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(italic: boolean) {
    this.write("italic", italic, () => styleBox(this.batch, this.place(), { italic: italic || undefined }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.write("color", color, () => styleBox(this.batch, this.place(), { fontColor: color || undefined }));
  }
}

class RangeFill extends ClientObject {
  constructor(
    batch: Batch,
    private readonly place: () => Place,
  ) {
    super(batch, "RangeFill");
  }

  protected properties() {
    return {
      color: () =>
        uniform(
          this.batch.host
            .readStyles(this.place().sheet, this.place().box)
            .flat()
            .map((style) => style.fill ?? "#FFFFFF"),
        ),
    };
  }

  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.write("color", color, () => styleBox(this.batch, this.place(), { fill: color || undefined }));
  }

  clear(): void {
    this.batch.enqueue(() => styleBox(this.batch, this.place(), { fill: undefined }));
  }
}
