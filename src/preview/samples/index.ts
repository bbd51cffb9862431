/**
 * The preview's sample workbook: four sheets, each one Excel table at A1, that the add-in's
 * functions can be tried on. Pure and deterministic (seeded), so Node tests and scripts reuse it.
 */
import type { WorkbookSnapshot } from "../host/workbook";
import { contactLog } from "./contacts";
import { intervalForecast, intervalForecastChart } from "./forecast";
import { costLedger } from "./ledger";
import { COST_LEDGER } from "./names";
import { transactions } from "./transactions";

export * from "./names";
export { LEDGER_ACTIVITIES } from "./ledger";
export { TRANSACTION_MODEL } from "./transactions";
export { createRandom, type Random } from "./random";

export function sampleWorkbook(): WorkbookSnapshot {
  const parts = [costLedger(), contactLog(), intervalForecast(), transactions()];
  return {
    sheets: parts.map((part) => part.sheet),
    tables: parts.map((part) => part.table),
    charts: [intervalForecastChart()],
    settings: {},
    activeSheet: COST_LEDGER.sheet,
    selection: { sheet: COST_LEDGER.sheet, address: "A1" },
  };
}
