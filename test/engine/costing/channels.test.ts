import { channelCost } from "../../../src/engine/costing";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose } from "../../support/reference";

describe("channelCost", () => {
  it("blends phone 15 / online text 5 / bot 0.5 at 5% / 15% / 80% into 1.90 per contact", () => {
    const blended = channelCost([15, 5, 0.5], [0.05, 0.15, 0.8]);
    expectRelativeClose(blended.perContact, 1.9, 1e-12);
    expectRelativeClose(blended.perResolved!, 1.9, 1e-12);
  });

  it("reads the mix as volumes as well as shares", () => {
    expectRelativeClose(channelCost([15, 5, 0.5], [500, 1500, 8000]).perContact, 1.9, 1e-12);
  });

  it("escalates unresolved contacts to the next channel (hand-worked)", () => {
    // Bot first: 0.8 arrive, cost 0.4, 40% unresolved -> 0.32 escalate. Text: 0.15 + 0.32 = 0.47
    // arrive, cost 2.35, 20% -> 0.094 escalate. Phone: 0.05 + 0.094 = 0.144 arrive, cost 2.16.
    const blended = channelCost([0.5, 5, 15], [0.8, 0.15, 0.05], [0.6, 0.8, 1]);
    expectRelativeClose(blended.perContact, 0.4 + 2.35 + 2.16, 1e-12);
    expectRelativeClose(blended.perResolved!, 4.91, 1e-12); // everyone is resolved in the end
  });

  it("counts what the last channel leaves unresolved", () => {
    const blended = channelCost([2, 10], [0.5, 0.5], [0.5, 0.9]);
    // 0.5 at 2 = 1; 0.25 escalate; 0.75 at 10 = 7.5; resolved 0.25 + 0.675 = 0.925.
    expectRelativeClose(blended.perContact, 8.5, 1e-12);
    expectRelativeClose(blended.perResolved!, 8.5 / 0.925, 1e-12);
  });

  it("applies a single resolution rate to every channel", () => {
    expect(channelCost([2, 10], [0.5, 0.5], [0.5])).toEqual(channelCost([2, 10], [0.5, 0.5], [0.5, 0.5]));
  });

  it("names bad input", () => {
    expect(engineErrorFrom(() => channelCost([1, 2], [1])).message).toBe(
      "mix must have one row per row of cost_per_contact (2); it has 1",
    );
    expect(engineErrorFrom(() => channelCost([1], [0])).message).toBe(
      "mix adds up to 0, so there are no shares to weight by",
    );
    expect(engineErrorFrom(() => channelCost([1, 2], [1, 1], [1, 1.5])).message).toBe(
      "resolution_rate must be a fraction between 0 and 1; row 2 is 1.5",
    );
    expect(channelCost([1], [1], [0])).toEqual({ perContact: 1, perResolved: undefined });
  });
});
