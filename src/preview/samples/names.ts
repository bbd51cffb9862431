/** Sheet, table and column names of the sample workbook, shared by the generator and the tests. */

export const COST_LEDGER = {
  sheet: "Cost ledger",
  table: "CostLedger",
  columns: { activity: "Activity", account: "Account", cost: "Cost" },
} as const;

export const CONTACT_LOG = {
  sheet: "Contact log",
  table: "ContactLog",
  columns: {
    date: "Date",
    channel: "Channel",
    tier: "Tier",
    activity: "Activity",
    handleTime: "Handle time (min)",
    customer: "Customer",
  },
} as const;

export const INTERVAL_FORECAST = {
  sheet: "Interval forecast",
  table: "IntervalForecast",
  columns: { interval: "Interval", volume: "Volume", aht: "AHT (sec)" },
} as const;

export const TRANSACTIONS = {
  sheet: "Transactions",
  table: "Transactions",
  columns: { customer: "Customer", date: "Date", amount: "Amount" },
} as const;

/** The ledger activity that no contact drives: an allocation reports it as Unallocated. */
export const UNDRIVEN_ACTIVITY = "Training";

export const CHANNELS = ["Phone", "Chat", "Email", "Bot"] as const;
export const TIERS = ["Gold", "Silver", "Bronze"] as const;

export const DATE_FORMAT = "yyyy-mm-dd";
