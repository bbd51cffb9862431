/**
 * The per-customer summary that BG/NBD and Gamma-Gamma need, from a transaction log: purchases on
 * the same day merge into one (amounts summed); frequency = repeat purchase days up to end_date,
 * recency = days from the first to the last purchase, T = days from the first purchase to
 * end_date (both divided by period_days: 7 gives weeks), monetary = mean value of the repeat
 * purchase days (0 without any). Purchases after end_date are left out; so are customers whose
 * first purchase is after it.
 */
import { invalidValue } from "../core/errors";
import { type Key, KeyIndex, withPlace } from "../core/grid";
import { check } from "../core/validate";

export interface CustomerSummary {
  customer: Key;
  frequency: number;
  recency: number;
  T: number;
  monetary: number;
}

export function rfm(
  customerIds: Key[],
  dates: number[],
  amounts: number[],
  endDate?: number,
  periodDays = 1,
  /** Worksheet row of each transaction, for messages (default 1, 2, 3...). */
  rows?: number[],
): CustomerSummary[] {
  const period = check(periodDays, "period_days", "positive");
  const customers = new KeyIndex();
  const n = customerIds.length;
  const customer = new Int32Array(n);
  const day = new Float64Array(n);
  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const date = dates[i];
    if (!(date >= 0)) withPlace({ row: rows?.[i] ?? i + 1 }, () => check(date, "dates", "nonNegative"));
    customer[i] = customers.find(customerIds[i], true);
    day[i] = Math.floor(date); // the time of day does not make another purchase day
    if (day[i] > lastDay) lastDay = day[i];
  }
  const end = endDate === undefined ? lastDay : Math.floor(check(endDate, "end_date", "nonNegative"));
  if (n > 0 && !Number.isFinite(end)) throw invalidValue("mustBe", { arg: "end_date", rule: "finite" });

  // Transactions grouped by customer (counting sort), each group then by day.
  const count = new Int32Array(customers.keys.length + 1);
  for (let i = 0; i < n; i++) count[customer[i] + 1]++;
  for (let c = 0; c < customers.keys.length; c++) count[c + 1] += count[c];
  const order = new Int32Array(n);
  const next = count.slice(0, -1);
  for (let i = 0; i < n; i++) order[next[customer[i]]++] = i;

  const summaries: CustomerSummary[] = [];
  customers.keys.forEach((key, c) => {
    const group = Array.from(order.subarray(count[c], count[c + 1])).filter((i) => day[i] <= end);
    if (group.length === 0) return;
    group.sort((i, j) => day[i] - day[j]);
    const first = day[group[0]];
    let repeatDays = 0;
    let repeatSpend = 0;
    let lastPurchase = first;
    for (const i of group) {
      if (day[i] !== first && day[i] !== lastPurchase) repeatDays++;
      if (day[i] !== first) repeatSpend += amounts[i];
      lastPurchase = day[i];
    }
    summaries.push({
      customer: key,
      frequency: repeatDays,
      recency: (lastPurchase - first) / period,
      T: (end - first) / period,
      monetary: repeatDays > 0 ? repeatSpend / repeatDays : 0,
    });
  });
  return summaries;
}
