/** "Cost ledger": a month of a service centre's costs by activity pool and account. */
import type { PreviewCell } from "../host/workbook";
import { COST_LEDGER, UNDRIVEN_ACTIVITY } from "./names";
import { tableSheet } from "./table";

/** Fixed rather than random: round figures a reader can add up by eye. */
const LEDGER: readonly [activity: string, account: string, cost: number][] = [
  ["Answer calls", "Salaries", 86_400],
  ["Answer calls", "Telephony", 12_300],
  ["Answer calls", "Facilities", 9_800],
  ["Handle chats", "Salaries", 41_600],
  ["Handle chats", "Software", 7_200],
  ["Reply to emails", "Salaries", 33_500],
  ["Reply to emails", "Software", 3_900],
  ["Maintain bot", "Software", 18_500],
  ["Maintain bot", "Salaries", 22_400],
  ["Resolve complaints", "Salaries", 38_700],
  ["Resolve complaints", "Goodwill credits", 11_200],
  ["Process refunds", "Salaries", 24_900],
  ["Quality review", "Salaries", 19_600],
  [UNDRIVEN_ACTIVITY, "Salaries", 15_800],
  [UNDRIVEN_ACTIVITY, "External courses", 8_400],
];

/** The ledger's activities in first-appearance order. */
export const LEDGER_ACTIVITIES: readonly string[] = [...new Set(LEDGER.map(([activity]) => activity))];

export function costLedger() {
  const { sheet, table, columns } = COST_LEDGER;
  const rows: PreviewCell[][] = LEDGER.map((line) => [...line]);
  return tableSheet(
    sheet,
    table,
    [
      { header: columns.activity, width: 110 },
      { header: columns.account, width: 100 },
      { header: columns.cost, numberFormat: "#,##0", width: 70 },
    ],
    rows,
  );
}
