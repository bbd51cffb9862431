/**
 * Cell text as Excel shows it for the few number formats the preview's workbooks use: percentages,
 * fixed decimals with or without thousands separators, yyyy-mm-dd dates and General. Anything else
 * falls back to General.
 */
import type { PreviewCell } from "./host/workbook";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** "#VALUE!", "#N/A", "#DIV/0!"...: how the workbook reports an error cell's value. */
export function isErrorText(value: PreviewCell): value is string {
  return typeof value === "string" && /^#[A-Z0-9/]+[!?]?$/.test(value);
}

/**
 * The cell's text. With width (the column's width in characters: digits of the default font, as
 * Excel counts them), a number in General format is shortened to fit as Excel shows it: fewer
 * decimals, then E notation, then "#"s; other formats are left for the grid to show as "###".
 */
export function formatCell(value: PreviewCell, numberFormat = "General", width?: number): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  const format = numberFormat.trim();

  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${fixed(value * 100, percent[1]?.length ?? 0, false)}%`;
  const decimal = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (decimal) return fixed(value, decimal[2]?.length ?? 0, Boolean(decimal[1]));
  if (/^yyyy-mm-dd$/i.test(format)) return isoDate(value);
  return width === undefined ? general(value) : fittedGeneral(value, Math.max(1, Math.floor(width)));
}

/** General in at most width characters, as Excel fits a number to a narrow column. */
function fittedGeneral(value: number, width: number): string {
  const text = general(value);
  if (text.length <= width) return text;
  const magnitude = Math.abs(value);
  // Fixed notation with fewer decimals, unless that would round a number away to zero.
  if (magnitude < 1e11 && magnitude >= 1e-5) {
    const whole = Math.trunc(magnitude).toString().length + (value < 0 ? 1 : 0);
    for (let decimals = Math.max(0, Math.min(9, width - whole - 1)); decimals >= 0; decimals--) {
      const rounded = Number(value.toFixed(decimals)); // trailing zeros dropped
      if (rounded !== 0 && String(rounded).length <= width) return String(rounded);
    }
  }
  for (let decimals = 5; decimals >= 0; decimals--) {
    const shown = exponential(value, decimals);
    if (shown.length <= width) return shown;
  }
  return "#".repeat(width);
}

function fixed(value: number, decimals: number, grouped: boolean): string {
  const text = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = text.split(".");
  const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  const negative = value < 0 && Number(text) !== 0; // no "-0.00"
  return `${negative ? "-" : ""}${digits}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** Excel dates are whole days since 1899-12-30; before 1900-03-01 Excel's leap-year bug differs. */
function isoDate(serial: number): string {
  if (serial < 0) return "#".repeat(10); // Excel fills the cell with hashes
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** General: whole numbers as they are, others to 10 significant digits, huge or tiny in E notation. */
function general(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e11 || magnitude < 1e-5)) return exponential(value, 5);
  // Through Number: drops trailing zeros and keeps fixed notation in this range.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/** Excel's E notation with at most decimals digits after the point, trailing zeros dropped: "1.5E-07". */
function exponential(value: number, decimals: number): string {
  const [mantissa, exponent] = value.toExponential(decimals).split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  const digits = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  return `${digits}E${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
}
