/**
 * "Contact log": one month of contacts, each with the activity it drove and its handle time. The
 * cost driver for an activity-based allocation of the ledger; Training appears in no contact.
 */
import type { PreviewCell } from "../host/workbook";
import { excelDate, weekday } from "./dates";
import { CHANNELS, CONTACT_LOG, DATE_FORMAT, TIERS } from "./names";
import { createRandom } from "./random";
import { tableSheet } from "./table";

const SEED = 0x10c0;
const CONTACTS = 400;
const CUSTOMERS = 150;
const YEAR = 2025;
const MONTH = 3;
const DAYS_IN_MONTH = 31;

const CHANNEL_SHARE = [0.42, 0.26, 0.18, 0.14];
const TIER_SHARE = [0.18, 0.34, 0.48];

/** Which activities a contact in each channel drives, and how often. */
const ACTIVITY_MIX: Record<(typeof CHANNELS)[number], [activity: string, share: number][]> = {
  Phone: [
    ["Answer calls", 0.8],
    ["Resolve complaints", 0.12],
    ["Process refunds", 0.05],
    ["Quality review", 0.03],
  ],
  Chat: [
    ["Handle chats", 0.82],
    ["Resolve complaints", 0.08],
    ["Process refunds", 0.06],
    ["Quality review", 0.04],
  ],
  Email: [
    ["Reply to emails", 0.75],
    ["Process refunds", 0.15],
    ["Resolve complaints", 0.1],
  ],
  // A bot conversation costs bot upkeep; the ones it hands over cost an agent's chat.
  Bot: [
    ["Maintain bot", 0.9],
    ["Handle chats", 0.1],
  ],
};

/** Mean handle time in minutes of each activity. */
const MEAN_MINUTES: Record<string, number> = {
  "Answer calls": 6.5,
  "Handle chats": 9,
  "Reply to emails": 7.5,
  "Maintain bot": 1.2,
  "Resolve complaints": 16,
  "Process refunds": 11,
  "Quality review": 4.5,
};

/** Spread of handle times: log-normal with this sigma, keeping each activity's mean. */
const SIGMA = 0.45;

export function contactLog() {
  const random = createRandom(SEED);
  const customerTiers = Array.from({ length: CUSTOMERS }, () => random.weighted(TIERS, TIER_SHARE));
  const days = Array.from({ length: DAYS_IN_MONTH }, (_, index) => excelDate(YEAR, MONTH, index + 1));
  // Weekends see fewer contacts.
  const dayWeights = days.map((serial) => (weekday(serial) % 6 === 0 ? 0.45 : 1));

  const contacts = Array.from({ length: CONTACTS }, (_, order) => {
    const channel = random.weighted(CHANNELS, CHANNEL_SHARE);
    const mix = ACTIVITY_MIX[channel];
    const activity = random.weighted(
      mix.map(([name]) => name),
      mix.map(([, share]) => share),
    );
    const minutes = MEAN_MINUTES[activity] * Math.exp(SIGMA * random.normal() - (SIGMA * SIGMA) / 2);
    const customer = random.integer(0, CUSTOMERS - 1);
    return {
      order,
      date: random.weighted(days, dayWeights),
      channel,
      tier: customerTiers[customer],
      activity,
      minutes: Math.max(0.1, Math.round(minutes * 100) / 100),
      customer: `C${String(customer + 1).padStart(4, "0")}`,
    };
  });
  contacts.sort((x, y) => x.date - y.date || x.order - y.order);

  const { sheet, table, columns } = CONTACT_LOG;
  const rows: PreviewCell[][] = contacts.map((contact) => [
    contact.date,
    contact.channel,
    contact.tier,
    contact.activity,
    contact.minutes,
    contact.customer,
  ]);
  return tableSheet(
    sheet,
    table,
    [
      { header: columns.date, numberFormat: DATE_FORMAT, width: 70 },
      { header: columns.channel, width: 60 },
      { header: columns.tier, width: 55 },
      { header: columns.activity, width: 110 },
      { header: columns.handleTime, numberFormat: "#,##0.00", width: 95 },
      { header: columns.customer, width: 65 },
    ],
    rows,
  );
}
