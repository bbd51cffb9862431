/**
 * Excel's structured references (Table1[Column], Table1[[#Headers],[A]:[C]], [@Column]) turned into
 * the absolute A1 ranges HyperFormula understands. The user's text is kept elsewhere; this runs each
 * time a formula is handed to HyperFormula, so a reference follows its table when the table changes.
 */
import { type Box, formatA1, quoteSheetName } from "./addresses";
import { endOfBracket, splitFormula } from "./formula-text";

export interface TableLayout {
  name: string;
  sheet: string;
  /** Header row included. Tables here never have a totals row. */
  box: Box;
  headers: string[];
}

export interface ReferenceContext {
  /** The table of that name, case-insensitively. */
  table(name: string): TableLayout | undefined;
  /** The table holding the formula's cell, for references without a table name ("[@Volume]"). */
  enclosingTable(): TableLayout | undefined;
  /** The formula's row, for "this row" references. */
  row: number;
}

type Area = "all" | "data" | "headers" | "totals";

interface Specifier {
  areas: Set<Area>;
  thisRow: boolean;
  columns?: [string, string];
}

const AREAS: Record<string, Area | "thisRow"> = {
  "#all": "all",
  "#data": "data",
  "#headers": "headers",
  "#totals": "totals",
  "#this row": "thisRow",
};

/** Inside brackets ' escapes the next character (one of [ ] # '). */
const unescape = (text: string) => text.replace(/'(.)/g, "$1");

const TABLE_NAME_AT_END = /([\p{L}_\\][\p{L}\p{N}_.\\]*)$/u;

export function hasStructuredReference(formula: string): boolean {
  return splitFormula(formula).some((piece) => piece.kind === "bracket");
}

export function translateStructuredReferences(formula: string, context: ReferenceContext): string {
  const out: string[] = [];
  for (const piece of splitFormula(formula)) {
    if (piece.kind !== "bracket") {
      out.push(piece.text);
      continue;
    }
    const before = out.length > 0 ? out[out.length - 1] : "";
    const named = TABLE_NAME_AT_END.exec(before);
    let table: TableLayout | undefined;
    if (named && !before.slice(0, named.index).endsWith("!")) {
      out[out.length - 1] = before.slice(0, named.index);
      table = context.table(named[1]);
    } else {
      table = context.enclosingTable();
    }
    const specifier = parseSpecifier(piece.text);
    out.push(table && specifier ? resolve(specifier, table, context.row) : "#REF!");
  }
  return out.join("");
}

/** "[Col]", "[[#Headers],[A]:[C]]", "[@Col]", "[@[Col 1]]", "[]", "[#All]" -> what it selects. */
function parseSpecifier(group: string): Specifier | undefined {
  if (!group.endsWith("]")) return undefined;
  const spec: Specifier = { areas: new Set(), thisRow: false };
  let inner = group.slice(1, -1).trim();
  if (inner.startsWith("@")) {
    spec.thisRow = true;
    inner = inner.slice(1).trim();
  }
  const items = inner.startsWith("[") ? parseItems(inner) : inner === "" ? [] : [item(inner)];
  if (!items) return undefined;
  for (const [i, item] of items.entries()) {
    const area = AREAS[item.text.trim().toLowerCase()];
    if (item.keyword) {
      if (area === undefined) return undefined;
      if (area === "thisRow") spec.thisRow = true;
      else spec.areas.add(area);
    } else if (item.rangeFromPrevious) {
      if (!spec.columns || i === 0) return undefined;
      spec.columns = [spec.columns[0], item.text];
    } else {
      if (spec.columns) return undefined; // two separate columns are not one range
      spec.columns = [item.text, item.text];
    }
  }
  return spec;
}

interface Item {
  text: string;
  /** "#Headers" and the like; an escaped "'#" starts a column name instead. */
  keyword: boolean;
  rangeFromPrevious?: boolean;
}

const item = (raw: string): Item => ({ text: unescape(raw), keyword: raw.trimStart().startsWith("#") });

/** "[a],[b]:[c]" -> items, each marked when a ":" joins it to the one before. */
function parseItems(text: string): Item[] | undefined {
  const items: Item[] = [];
  let joined = false;
  let i = 0;
  while (i < text.length) {
    while (text[i] === " ") i++;
    if (text[i] !== "[") return undefined;
    const end = endOfBracket(text, i);
    if (text[end - 1] !== "]") return undefined;
    items.push({ ...item(text.slice(i + 1, end - 1)), rangeFromPrevious: joined });
    i = end;
    while (text[i] === " ") i++;
    if (i >= text.length) break;
    if (text[i] !== "," && text[i] !== ":") return undefined;
    joined = text[i] === ":";
    i++;
  }
  return items;
}

function columnIndex(table: TableLayout, name: string): number | undefined {
  const wanted = name.toLowerCase();
  let index = table.headers.findIndex((header) => header.toLowerCase() === wanted);
  if (index < 0) index = table.headers.findIndex((header) => header.trim().toLowerCase() === wanted.trim());
  return index < 0 ? undefined : index;
}

function resolve(spec: Specifier, table: TableLayout, row: number): string {
  const { box } = table;
  let top: number;
  let bottom: number;
  if (spec.thisRow) {
    // Outside the table's data rows Excel gives #VALUE! (no implicit intersection to fall back on).
    if (row <= box.top || row > box.bottom) return "#VALUE!";
    top = bottom = row;
  } else {
    const areas = spec.areas.size > 0 ? spec.areas : new Set<Area>(["data"]);
    const spans: [number, number][] = [];
    if (areas.has("all")) spans.push([box.top, box.bottom]);
    if (areas.has("headers")) spans.push([box.top, box.top]);
    if (areas.has("data")) spans.push([box.top + 1, box.bottom]);
    if (spans.length === 0) return "#REF!"; // only #Totals, and these tables have no totals row
    top = Math.min(...spans.map(([t]) => t));
    bottom = Math.max(...spans.map(([, b]) => b));
  }
  let left = box.left;
  let right = box.right;
  if (spec.columns) {
    const first = columnIndex(table, spec.columns[0]);
    const last = columnIndex(table, spec.columns[1]);
    if (first === undefined || last === undefined) return "#REF!";
    left = box.left + Math.min(first, last);
    right = box.left + Math.max(first, last);
  }
  return `${quoteSheetName(table.sheet)}!${formatA1({ top, left, bottom, right }, true)}`;
}
