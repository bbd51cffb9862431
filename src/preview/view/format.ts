/**
 * Cell text as Excel shows it for the few number formats the preview's workbooks use: percentages,
 * fixed decimals with or without thousands separators, yyyy-mm-dd dates and General. Anything else
 * falls back to General.
 */
import type { PreviewCell } from "../host/workbook";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** "#VALUE!", "#N/A", "#DIV/0!"...: how the workbook reports an error cell's value. */
export function isErrorText(value: PreviewCell): value is string {
  return typeof value === "string" && /^#[A-Z0-9/]+[!?]?$/.test(value);
}

export function formatCell(value: PreviewCell, numberFormat = "General"): string {
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
  return general(value);
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
  if (magnitude !== 0 && (magnitude >= 1e11 || magnitude < 1e-5)) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    const digits = mantissa.replace(/\.?0+$/, "");
    return `${digits}E${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  // Through Number: drops trailing zeros and keeps fixed notation in this range.
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}
