/**
 * Writes a template as an .xlsx file: exceljs for the sheets, tables, formats and document
 * properties, then the package parts exceljs does not know (dynamic-array metadata, the add-in's
 * web extension and task pane), then a zip with fixed entry dates so the same template always
 * gives the same bytes.
 *
 * No calculated values are written: the workbook asks Excel for a full calculation on load.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { PreviewCell, SheetSnapshot } from "../../src/preview/host/workbook";
import { cellAddress, parseRange } from "../../src/taskpane/model-builders/references";
import { isDynamicArrayFormula, toStoredFormula } from "./formula-file";
import { DEFAULT_WIDTH_POINTS, pointsToChars } from "./sheet";
import type { Template } from "./template";
import {
  CONTENT_TYPES,
  manifestReference,
  PARTS,
  RELATIONSHIPS,
  taskpanesRelsXml,
  taskpanesXml,
  webExtensionXml,
} from "./webextension";

/** The date every template and every zip entry carries, so that regeneration is reproducible. */
export const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));
export const AUTHOR = "Service cost modeller";
const TABLE_STYLE = "TableStyleMedium2";

const METADATA_PART = "xl/metadata.xml";
const METADATA_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** Cell metadata type 1: dynamic-array formulas (what Excel writes for cm="1"). */
const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" ' +
  'pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" ' +
  'clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">' +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/** "#FFF2CC" -> "FFFFF2CC" (exceljs colours are ARGB). */
const argb = (colour: string) => `FF${colour.replace("#", "").toUpperCase()}`;

function cellValue(value: Exclude<PreviewCell, null>, address: string): ExcelJS.CellValue {
  if (typeof value !== "string" || !value.startsWith("=")) return value;
  const formula = toStoredFormula(value);
  return isDynamicArrayFormula(value)
    ? ({ formula, shareType: "array", ref: address } as ExcelJS.CellValue)
    : ({ formula } as ExcelJS.CellValue);
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetSnapshot, template: Template): void {
  const frozen = sheet.frozenRows || sheet.frozenColumns;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [
      frozen
        ? { state: "frozen", xSplit: sheet.frozenColumns ?? 0, ySplit: sheet.frozenRows ?? 0 }
        : { state: "normal" },
    ],
  });
  sheet.columnWidths?.forEach((points, col) => {
    if (points === DEFAULT_WIDTH_POINTS) return;
    // exceljs takes exactly 9 characters for its default and leaves such a column out.
    const chars = pointsToChars(points);
    worksheet.getColumn(col + 1).width = chars === 9 ? 9.001 : chars;
  });
  // Tables first: exceljs writes their header and body cells itself.
  for (const table of template.snapshot.tables.filter((each) => each.sheet === sheet.name)) {
    const box = parseRange(table.address);
    const rows = sheet.cells.slice(box.top, box.bottom + 1).map((row) => row.slice(box.left, box.right + 1));
    worksheet.addTable({
      name: table.name,
      displayName: table.name,
      ref: cellAddress(box.top, box.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: TABLE_STYLE, showRowStripes: true },
      columns: rows[0].map((header) => ({ name: String(header), filterButton: true })),
      rows: rows.slice(1).map((row) => row.map((value) => value ?? "")),
    } as ExcelJS.TableProperties);
  }
  sheet.cells.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === "") return;
      const address = cellAddress(r, c);
      worksheet.getCell(address).value = cellValue(value, address);
    }),
  );
  sheet.numberFormats?.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format) worksheet.getCell(r + 1, c + 1).numFmt = format;
    }),
  );
  for (const [address, style] of Object.entries(sheet.styles ?? {})) {
    const cell = worksheet.getCell(address);
    if (style.bold) cell.font = { bold: true };
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  }
}

/** Adds a relationship to a .rels part, with the next free rId. */
function addRelationship(rels: string, type: string, target: string): string {
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((match) => Number(match[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  return rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
  );
}

function addOverride(types: string, part: string, contentType: string): string {
  return types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
}

/** The exceljs package plus the parts it cannot write, rezipped with fixed dates. */
async function finishPackage(
  buffer: ExcelJS.Buffer,
  template: Template,
  instanceId: string,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`exceljs wrote no ${name}`);
    return file.async("string");
  };
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((each) => !zip.files[each].dir)) {
    parts.set(name, await text(name));
  }

  // Dynamic-array formulas: the cells exceljs wrote as single-cell array formulas get cm="1".
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    parts.set(
      name,
      xml.replace(
        /<c r="([A-Z]+\d+)"([^>]*)><f t="array" ref="\1">/g,
        (_, address: string, attributes: string) =>
          `<c r="${address}"${attributes} cm="1"><f t="array" ref="${address}">`,
      ),
    );
  }
  // Tables without a totals row say so, and keep their filter buttons without empty filter entries.
  for (const [name, xml] of parts) {
    if (!/^xl\/tables\/table\d+\.xml$/.test(name)) continue;
    parts.set(
      name,
      xml
        .replace(' totalsRowShown="1"', ' totalsRowShown="0"')
        .replace(/<filterColumn colId="\d+" hiddenButton="0"\/>/g, "")
        .replace(/ totalsRowLabel="[^"]*"| totalsRowFunction="none"/g, ""),
    );
  }
  let types = parts.get("[Content_Types].xml")!;
  let workbookRels = parts.get("xl/_rels/workbook.xml.rels")!;
  let rootRels = parts.get("_rels/.rels")!;

  parts.set(METADATA_PART, METADATA_XML);
  types = addOverride(types, METADATA_PART, METADATA_CONTENT_TYPE);
  workbookRels = addRelationship(workbookRels, METADATA_RELATIONSHIP, "metadata.xml");

  parts.set(PARTS.webExtension, webExtensionXml(instanceId, manifestReference(), template.snapshot.settings));
  parts.set(PARTS.taskpanes, taskpanesXml());
  parts.set(PARTS.taskpanesRels, taskpanesRelsXml());
  types = addOverride(types, PARTS.webExtension, CONTENT_TYPES.webExtension);
  types = addOverride(types, PARTS.taskpanes, CONTENT_TYPES.taskpanes);
  rootRels = addRelationship(rootRels, RELATIONSHIPS.taskpanes, PARTS.taskpanes);

  parts.set("[Content_Types].xml", types);
  parts.set("xl/_rels/workbook.xml.rels", workbookRels);
  parts.set("_rels/.rels", rootRels);

  const out = new JSZip();
  for (const [name, content] of parts) out.file(name, content, { date: FIXED_DATE, createFolders: false });
  return out.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  });
}

/** A GUID for the add-in instance in this workbook, fixed per file so regeneration is stable. */
function instanceGuid(file: string): string {
  let hash = 0x811c9dc5;
  const words: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${file}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    words.push(hash.toString(16).padStart(8, "0").toUpperCase());
  }
  const hex = words.join("");
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

export async function writeXlsx(template: Template): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = AUTHOR;
  workbook.lastModifiedBy = AUTHOR;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = template.title;
  workbook.calcProperties.fullCalcOnLoad = true;
  const { snapshot } = template;
  for (const sheet of snapshot.sheets) writeSheet(workbook, sheet, template);
  const active = Math.max(
    0,
    snapshot.sheets.findIndex((sheet) => sheet.name === snapshot.activeSheet),
  );
  workbook.views = [{ activeTab: active, firstSheet: 0, visibility: "visible" } as ExcelJS.WorkbookView];
  // Stored, not compressed: the package is unzipped and zipped again by finishPackage.
  const stored = await workbook.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as ExcelJS.XlsxWriteOptions);
  return finishPackage(stored, template, instanceGuid(template.file));
}
