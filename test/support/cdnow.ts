/**
 * The CDNOW sample in ../shared/data/cdnow (Fader, Hardie & Lee's 1/10th sample): the raw
 * transactions and the published per-customer summary. Values are never edited here.
 */
import fs from "fs";
import path from "path";

export const CDNOW_DIR = path.resolve(__dirname, "../../../shared/data/cdnow");

/** yyyymmdd as an Excel date serial (days since 1899-12-30). */
export function excelSerial(yyyymmdd: string): number {
  const utc = Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8));
  return (utc - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** CDNOW_sample.txt: new id, original id (the customer id), yyyymmdd, number of CDs, dollar value. */
export function cdnowTransactions(): { ids: number[]; dates: number[]; amounts: number[] } {
  const result = { ids: [] as number[], dates: [] as number[], amounts: [] as number[] };
  for (const line of fs.readFileSync(path.join(CDNOW_DIR, "CDNOW_sample.txt"), "utf8").split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    result.ids.push(Number(fields[1]));
    result.dates.push(excelSerial(fields[2]));
    result.amounts.push(Number(fields[4]));
  }
  return result;
}

export interface CdnowCustomer {
  id: number;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T (weeks), zbar. */
export function cdnowSummary(): CdnowCustomer[] {
  const [, ...rows] = fs
    .readFileSync(path.join(CDNOW_DIR, "cdnow_customers_summary_with_transactions.csv"), "utf8")
    .trim()
    .split("\n");
  return rows.map((row) => {
    const [id, x, tx, T, zbar] = row.split(",").map(Number);
    return { id, x, tx, T, zbar };
  });
}
