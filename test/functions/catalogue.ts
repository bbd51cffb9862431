/**
 * The public contract of DESIGN.md section 3: function ids and argument order, optional arguments
 * in brackets. Workbooks depend on these; changing one is a breaking change.
 */
export const CATALOGUE: readonly string[] = [
  // Staffing
  "STAFF_NEEDED(volume, aht_sec, target_sl, target_sec, [interval_min], [max_occupancy], [shrinkage], [patience_sec], [max_abandon])",
  "STAFF_FOR_ASA(volume, aht_sec, target_asa_sec, [interval_min], [max_occupancy], [shrinkage], [patience_sec])",
  "STAFF_TABLE(volumes, aht_sec, target_sl, target_sec, [interval_min], [max_occupancy], [shrinkage], [patience_sec], [hourly_cost])",
  "SERVICE_LEVEL(agents, volume, aht_sec, target_sec, [interval_min], [patience_sec])",
  "ASA(agents, volume, aht_sec, [interval_min], [patience_sec])",
  "OCCUPANCY(agents, volume, aht_sec, [interval_min], [patience_sec])",
  "ABANDON_RATE(agents, volume, aht_sec, patience_sec, [interval_min])",
  "ERLANG_B(servers, traffic)",
  "ERLANG_C(agents, traffic)",
  "FTE_NEEDED(volume, aht_sec, hours_per_fte, [redundancy], [occupancy])",
  // Costing
  "ABC_ALLOCATE(costs, drivers, [activity_drivers])",
  "ABC_BY_OBJECT(pool_activity, pool_cost, log_activity, log_object, log_quantity)",
  "ABC_RATES(costs, drivers, [activity_drivers])",
  "TDABC(capacity_cost, capacity_minutes, unit_minutes, quantities)",
  "SUPPORT_ALLOCATE(support_costs, service_matrix, [method])",
  "CHANNEL_COST(cost_per_contact, mix, [resolution_rate])",
  // Customer value
  "CLV(margin, retention, discount_rate, [periods], [timing], [acquisition_cost], [margin_growth])",
  "RFM(customer_ids, dates, amounts, [end_date], [period_days])",
  "BGNBD_FIT(frequency, recency, T, [penalizer])",
  "BGNBD_EXPECTED(params, frequency, recency, T, horizon)",
  "P_ALIVE(params, frequency, recency, T)",
  "GAMMAGAMMA_FIT(frequency, monetary)",
  "SPEND_EXPECTED(params, frequency, monetary)",
  "CLV_BGNBD(bgnbd_params, gg_params, frequency, recency, T, monetary, horizon, discount_rate, [period_length])",
  // Scorecard and tiers
  "NPS(scores)",
  "CSAT(scores, [threshold], [scale_max])",
  "SCORECARD(actuals, targets, weights, [directions], [method], [worst])",
  "RAG(actual, target, [direction], [amber_band])",
  "TIER_ASSIGN(values, thresholds, labels, [inclusive])",
  "PARETO_SHARE(values, [top_share])",
  "AUTOMATION_SAVINGS(volume, deflection_rate, human_cost, bot_cost, [bot_resolution])",
  "PAYBACK(investment, savings_per_period)",
];

export interface Signature {
  id: string;
  parameters: { name: string; optional: boolean }[];
}

/** "NAME(a, [b])" -> { id: "NAME", parameters: [a required, b optional] }. */
export function parseSignature(text: string): Signature {
  const match = /^([A-Z_]+)\((.*)\)$/.exec(text.trim());
  if (!match) throw new Error(`not a signature: ${text}`);
  const parameters = match[2]
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const optional = part.startsWith("[") && part.endsWith("]");
      return { name: optional ? part.slice(1, -1) : part, optional };
    });
  return { id: match[1], parameters };
}
