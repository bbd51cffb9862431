/**
 * Blended cost of a channel mix. Contacts start in each channel by the mix; the share a channel
 * does not resolve escalates to the next channel in the list and costs that channel's rate again.
 * The last channel's unresolved contacts stay unresolved.
 */
import { invalidValue } from "../core/errors";
import { withPlace } from "../core/grid";
import { check } from "../core/validate";
import { checkedAmounts, checkedLength, exactSum } from "./amounts";

export interface ChannelCost {
  /** Cost per contact entering the mix, escalations included. */
  perContact: number;
  /** Cost per resolved contact; undefined when no contact is resolved. */
  perResolved: number | undefined;
}

/**
 * resolution_rate given as one value applies to every channel; omitted, every channel resolves
 * all its contacts.
 */
function resolutionRates(rates: number[] | undefined, channels: number): number[] {
  if (rates === undefined) return new Array<number>(channels).fill(1);
  const checked = rates.map((rate, i) =>
    withPlace({ row: i + 1 }, () => check(rate, "resolution_rate", "fraction")),
  );
  if (checked.length === 1) return new Array<number>(channels).fill(checked[0]);
  return checkedLength(checked, "resolution_rate", { other: "cost_per_contact", count: channels });
}

export function channelCost(costPerContact: number[], mix: number[], resolutionRate?: number[]): ChannelCost {
  const costs = checkedAmounts(costPerContact, "cost_per_contact");
  const weights = checkedLength(checkedAmounts(mix, "mix"), "mix", {
    other: "cost_per_contact",
    count: costs.length,
  });
  const resolved = resolutionRates(resolutionRate, costs.length);
  // The mix may be shares or volumes: weights are normalised.
  const total = exactSum(weights);
  if (total === 0) throw invalidValue("nothingToShare", { arg: "mix" });
  let escalated = 0; // unresolved contacts the previous channel passes on
  let cost = 0;
  let resolvedShare = 0;
  costs.forEach((channelCost, i) => {
    const arriving = weights[i] / total + escalated;
    cost += arriving * channelCost;
    resolvedShare += arriving * resolved[i];
    escalated = arriving * (1 - resolved[i]);
  });
  return { perContact: cost, perResolved: resolvedShare > 0 ? cost / resolvedShare : undefined };
}
