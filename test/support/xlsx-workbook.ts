/**
 * Reads an .xlsx file into a WorkbookSnapshot, the preview host's workbook format: each sheet's raw
 * contents (constants, and formulas as Excel shows them, "=SVC.RFM(...)"), number formats, bold and
 * fills, column widths and frozen panes; the tables with their A1 ranges; and the document settings
 * an add-in saved (the web extension's properties). Alongside, what only the file shows: how each
 * formula is stored, the add-in reference and task pane, and the package's content types.
 *
 * exceljs reads the cells; the parts it ignores are read from the zip directly.
 */
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import type {
  CellStyle,
  PreviewCell,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from "../../src/preview/host/workbook";
import { cellAddress } from "../../src/taskpane/model-builders/references";
import { fromStoredFormula } from "../../scripts/templates/formula-file";
import { charsToPoints, DEFAULT_WIDTH_POINTS } from "../../scripts/templates/sheet";
import { PARTS } from "../../scripts/templates/webextension";

export interface StoredFormula {
  /** The <f> element's text, as the file holds it ("_xldudf_SVC_RFM(...)"). */
  text: string;
  /** Stored as a dynamic-array formula: cm="1" and t="array". */
  dynamicArray: boolean;
}

export interface XlsxWorkbook {
  snapshot: WorkbookSnapshot;
  /** Formula cells by "Sheet!A1". */
  stored: Map<string, StoredFormula>;
  /** The add-in the workbook refers to (the web extension's reference), if any. */
  addin?: { id: string; version: string; store: string; storeType: string };
  /** Whether the add-in's task pane is set to show when the workbook opens. */
  taskpaneVisible: boolean;
  /** Content type of each part that has an override, by part name ("/xl/metadata.xml"). */
  contentTypes: Record<string, string>;
  /** Relationship types of the package root (_rels/.rels), by target. */
  rootRelationships: Record<string, string>;
  fullCalcOnLoad: boolean;
  properties: { creator: string; lastModifiedBy: string; created?: Date; modified?: Date; title: string };
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) =>
    ["row", "c", "sheet", "Relationship", "Override", "we:property", "wetp:taskpane"].includes(name),
});

type Xml = Record<string, unknown>;
const list = (value: unknown): Xml[] => (Array.isArray(value) ? (value as Xml[]) : []);

function cellContent(cell: ExcelJS.Cell): PreviewCell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_UTC) / DAY_MS;
  if (typeof value === "object") {
    if ("formula" in value && typeof value.formula === "string") return fromStoredFormula(value.formula);
    if ("sharedFormula" in value) throw new Error(`${cell.address}: shared formulas are not expected`);
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("error" in value) return String(value.error);
    throw new Error(`${cell.address}: unexpected value ${JSON.stringify(value)}`);
  }
  return value;
}

function cellStyle(cell: ExcelJS.Cell): CellStyle | undefined {
  const style: CellStyle = {};
  if (cell.font?.bold) style.bold = true;
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) {
    style.fill = `#${fill.fgColor.argb.slice(2)}`;
  }
  return Object.keys(style).length > 0 ? style : undefined;
}

function readSheet(worksheet: ExcelJS.Worksheet): { sheet: SheetSnapshot; tables: TableSnapshot[] } {
  const cells = new Map<string, { value: PreviewCell; format?: string; style?: CellStyle }>();
  let rows = 0;
  let cols = 0;
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const value = cellContent(cell);
      const format = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
      const style = cellStyle(cell);
      if (value === null && !format && !style) return;
      cells.set(`${rowNumber - 1}:${colNumber - 1}`, { value, format, style });
      rows = Math.max(rows, rowNumber);
      cols = Math.max(cols, colNumber);
    }),
  );
  const grid = <T>(pick: (entry: { value: PreviewCell; format?: string }) => T, blank: T): T[][] =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const entry = cells.get(`${r}:${c}`);
        return entry ? pick(entry) : blank;
      }),
    );
  const sheet: SheetSnapshot = { name: worksheet.name, cells: grid((entry) => entry.value, null) };
  if ([...cells.values()].some((entry) => entry.format)) {
    sheet.numberFormats = grid<string | null>((entry) => entry.format ?? null, null);
  }
  const widths = (worksheet.columns ?? []).map((column) => column.width);
  const lastWidth = widths.reduce<number>((last, width, index) => (width !== undefined ? index : last), -1);
  if (lastWidth >= 0) {
    sheet.columnWidths = widths
      .slice(0, lastWidth + 1)
      .map((width) => (width === undefined ? DEFAULT_WIDTH_POINTS : charsToPoints(width)));
  }
  const styled = [...cells].filter(([, entry]) => entry.style);
  if (styled.length > 0) {
    sheet.styles = Object.fromEntries(
      styled.map(([key, entry]) => {
        const [r, c] = key.split(":").map(Number);
        return [cellAddress(r, c), entry.style!];
      }),
    );
  }
  const view = worksheet.views?.[0];
  if (view?.state === "frozen") {
    if (view.ySplit) sheet.frozenRows = view.ySplit;
    if (view.xSplit) sheet.frozenColumns = view.xSplit;
  }
  const tables = (worksheet.getTables() as unknown as { table: { name: string; tableRef: string } }[]).map(
    ({ table }) => ({ name: table.name, sheet: worksheet.name, address: table.tableRef }),
  );
  return { sheet, tables };
}

/** The web extension's properties are the document settings: each value is JSON. */
function readSettings(xml: string | undefined): {
  settings: Record<string, unknown>;
  addin?: XlsxWorkbook["addin"];
} {
  if (!xml) return { settings: {} };
  const root = parser.parse(xml)["we:webextension"] as Xml;
  const reference = root["we:reference"] as Record<string, string>;
  const properties = list((root["we:properties"] as Xml | undefined)?.["we:property"]);
  return {
    settings: Object.fromEntries(
      properties.map((property) => [property.name, JSON.parse(String(property.value))]),
    ),
    addin: {
      id: reference.id,
      version: reference.version,
      store: reference.store,
      storeType: reference.storeType,
    },
  };
}

/** A cell element and its formula, as Excel and exceljs write them (<f .../> for a shared formula's followers). */
const FORMULA_CELL = /<c ([^>]*)>\s*<f(\s[^>]*)?(?:\/>|>([^<]*)<\/f>)/g;
const attribute = (attributes: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);

/**
 * How each formula cell is stored, from the sheet parts (exceljs does not report cm="1"). A scan
 * rather than a full parse: the sheets are large and only the formula cells matter here.
 */
async function readStoredFormulas(
  zip: JSZip,
  sheetParts: Map<string, string>,
): Promise<Map<string, StoredFormula>> {
  const stored = new Map<string, StoredFormula>();
  for (const [sheet, part] of sheetParts) {
    const xml = await zip.file(part)!.async("string");
    for (const [, cellAttributes, formulaAttributes = "", text = ""] of xml.matchAll(FORMULA_CELL)) {
      const dynamicArray =
        attribute(cellAttributes, "cm") === "1" && attribute(formulaAttributes, "t") === "array";
      stored.set(`${sheet}!${attribute(cellAttributes, "r")}`, { text: unescapeXml(text), dynamicArray });
    }
  }
  return stored;
}

/** Sheet name -> its part ("xl/worksheets/sheet1.xml"), from workbook.xml and its relationships. */
async function sheetPartsOf(zip: JSZip): Promise<Map<string, string>> {
  const workbook = parser.parse(await zip.file("xl/workbook.xml")!.async("string")) as Xml;
  const rels = parser.parse(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")) as Xml;
  const targets = new Map(
    list((rels.Relationships as Xml).Relationship).map((rel) => [rel.Id as string, rel.Target as string]),
  );
  const sheets = list(((workbook.workbook as Xml).sheets as Xml).sheet);
  return new Map(
    sheets.map((sheet) => {
      const target = targets.get(sheet["r:id"] as string)!;
      return [sheet.name as string, target.startsWith("/") ? target.slice(1) : `xl/${target}`];
    }),
  );
}

export async function readXlsx(buffer: Buffer | Uint8Array): Promise<XlsxWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const zip = await JSZip.loadAsync(buffer);
  const partText = async (name: string) => zip.file(name)?.async("string");

  const sheets: SheetSnapshot[] = [];
  const tables: TableSnapshot[] = [];
  workbook.eachSheet((worksheet) => {
    const read = readSheet(worksheet);
    sheets.push(read.sheet);
    tables.push(...read.tables);
  });
  const { settings, addin } = readSettings(await partText(PARTS.webExtension));
  const taskpanesXml = await partText(PARTS.taskpanes);
  const taskpanes = taskpanesXml
    ? list((parser.parse(taskpanesXml)["wetp:taskpanes"] as Xml)["wetp:taskpane"])
    : [];
  const types = parser.parse((await partText("[Content_Types].xml"))!) as Xml;
  const rootRels = parser.parse((await partText("_rels/.rels"))!) as Xml;
  const active = sheets[workbook.views?.[0]?.activeTab ?? 0]?.name ?? sheets[0]?.name;

  return {
    snapshot: {
      sheets,
      tables,
      charts: [],
      settings,
      activeSheet: active,
      selection: { sheet: active, address: "A1" },
    },
    stored: await readStoredFormulas(zip, await sheetPartsOf(zip)),
    addin,
    taskpaneVisible: taskpanes.some((pane) => pane.visibility === "1"),
    contentTypes: Object.fromEntries(
      list((types.Types as Xml).Override).map((entry) => [entry.PartName, entry.ContentType]),
    ) as Record<string, string>,
    rootRelationships: Object.fromEntries(
      list((rootRels.Relationships as Xml).Relationship).map((rel) => [rel.Target, rel.Type]),
    ) as Record<string, string>,
    fullCalcOnLoad: /<calcPr[^>]* fullCalcOnLoad="1"/.test((await partText("xl/workbook.xml"))!),
    properties: {
      creator: workbook.creator,
      lastModifiedBy: workbook.lastModifiedBy,
      created: workbook.created,
      modified: workbook.modified,
      title: workbook.title,
    },
  };
}
