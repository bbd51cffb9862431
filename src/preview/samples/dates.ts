/** Excel date serials (days since 1899-12-30, the 1900 date system past February 1900). */

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** month is 1-12. */
export function excelDate(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / DAY_MS;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(serial: number): number {
  return new Date(EXCEL_EPOCH_UTC + serial * DAY_MS).getUTCDay();
}
