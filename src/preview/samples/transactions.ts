/**
 * "Transactions": a CDNOW-like purchase log simulated from the models the value functions fit, so
 * BGNBD_FIT and GAMMAGAMMA_FIT on this sheet land near known parameters.
 *
 * BG/NBD (Fader, Hardie & Lee 2005): each customer buys at Poisson rate lambda ~ Gamma(r, rate
 * alpha) per week while alive and, after each repeat purchase, drops out with probability
 * p ~ Beta(a, b). Spend per transaction follows Gamma-Gamma (Fader, Hardie & Lee 2005b):
 * z ~ Gamma(p, rate nu) with nu ~ Gamma(q, rate gamma) per customer.
 */
import type { PreviewCell } from "../host/workbook";
import { excelDate } from "./dates";
import { DATE_FORMAT, TRANSACTIONS } from "./names";
import { createRandom } from "./random";
import { tableSheet } from "./table";

const SEED = 0xcd0;

export const TRANSACTION_MODEL = {
  /** The CDNOW estimates (time in weeks). */
  bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
  customers: 600,
  /** First purchases fall on one of the first firstPurchaseDays days from start. */
  start: excelDate(1997, 1, 1),
  firstPurchaseDays: 12 * 7,
  /** Last day observed (inclusive): 39 weeks after 1997-01-01. */
  end: excelDate(1997, 9, 30),
} as const;

interface Purchase {
  customer: string;
  date: number;
  amount: number;
}

/** One customer's purchases, first one included; purchases on the same day merge, as in CDNOW. */
function simulateCustomer(
  random: ReturnType<typeof createRandom>,
  customer: string,
  firstDate: number,
): Purchase[] {
  const { bgnbd, gammaGamma, end } = TRANSACTION_MODEL;
  const lambda = random.gamma(bgnbd.r, bgnbd.alpha);
  const dropout = random.beta(bgnbd.a, bgnbd.b);
  const nu = random.gamma(gammaGamma.q, gammaGamma.gamma);
  const spend = () => Math.max(0.01, Math.round(random.gamma(gammaGamma.p, nu) * 100) / 100);

  const purchases: Purchase[] = [{ customer, date: firstDate, amount: spend() }];
  const weeksObserved = (end - firstDate) / 7;
  for (let week = random.exponential(lambda); week <= weeksObserved; week += random.exponential(lambda)) {
    const date = firstDate + Math.floor(week * 7);
    const last = purchases[purchases.length - 1];
    const amount = spend();
    if (last.date === date) last.amount = Math.round((last.amount + amount) * 100) / 100;
    else purchases.push({ customer, date, amount });
    if (random.uniform() < dropout) break;
  }
  return purchases;
}

export function transactions() {
  const { customers, start, firstPurchaseDays } = TRANSACTION_MODEL;
  const random = createRandom(SEED);
  // Ids follow the order of first purchase, as a shop numbering new customers would.
  const firstDates = Array.from(
    { length: customers },
    () => start + random.integer(0, firstPurchaseDays - 1),
  );
  firstDates.sort((x, y) => x - y);
  const purchases = firstDates.flatMap((date, index) =>
    simulateCustomer(random, `C${String(index + 1).padStart(4, "0")}`, date),
  );
  // Stable sort: same-day rows keep customer order.
  purchases.sort((x, y) => x.date - y.date);

  const { sheet, table, columns } = TRANSACTIONS;
  const rows: PreviewCell[][] = purchases.map(({ customer, date, amount }) => [customer, date, amount]);
  return tableSheet(
    sheet,
    table,
    [
      { header: columns.customer, width: 65 },
      { header: columns.date, numberFormat: DATE_FORMAT, width: 70 },
      { header: columns.amount, numberFormat: "#,##0.00", width: 65 },
    ],
    rows,
  );
}
