import { NO_LIMITS, planStaffing, staffTable, type IntervalPlanInput } from "../../../src/engine/staffing";
import { engineErrorFrom } from "../../support/engine-errors";
import { expectRelativeClose } from "../../support/reference";

const goal = { kind: "serviceLevel", target: 0.8, withinSec: 20 } as const;
const interval = (
  row: number,
  volume: number,
  extra: Partial<IntervalPlanInput> = {},
): IntervalPlanInput => ({
  row,
  load: { volume, ahtSec: 180, intervalMin: 30 },
  goal,
  limits: { ...NO_LIMITS, maxOccupancy: 0.85, shrinkage: 0.3 },
  ...extra,
});

describe("staffTable", () => {
  const intervals = [interval(1, 100), interval(2, 0), interval(4, 1000)];
  const table = staffTable(intervals);
  const column = (name: string) => table.columns.indexOf(name as never);

  it("has the catalogue's columns, without cost when no hourly cost is given", () => {
    expect(table.columns).toEqual([
      "interval",
      "volume",
      "traffic",
      "agents",
      "scheduled",
      "agentHours",
      "serviceLevel",
      "asaSec",
      "occupancy",
      "pWait",
      "abandonRate",
    ]);
  });

  it("plans each interval as planStaffing does, keeping the worksheet row", () => {
    expect(table.rows.map((row) => row[column("interval")])).toEqual([1, 2, 4]);
    expect(table.rows[0].slice(0, 6)).toEqual([1, 100, 10, 14, 20, 10]); // C01: 20 scheduled x 0.5 h
    const big = planStaffing(intervals[2].load, goal, intervals[2].limits);
    expect(table.rows[2][column("agents")]).toBe(big.agents);
    expect(table.rows[2][column("serviceLevel")]).toBe(big.measures!.serviceLevel(20));
  });

  it("leaves measures blank and staffs nobody in an interval without contacts", () => {
    expect(table.rows[1]).toEqual([2, 0, 0, 0, 0, 0, "", "", "", "", ""]);
  });

  it("totals volume and agent hours, and weights the day's measures by contacts", () => {
    const [a, , c] = table.rows.map((row) => row.map(Number));
    const total = table.total;
    expect(total[column("interval")]).toBe("");
    expect(total[column("volume")]).toBe(1100);
    expect(total[column("agentHours")]).toBe(a[column("agentHours")] + c[column("agentHours")]);
    const weighted = (name: string) => (100 * a[column(name)] + 1000 * c[column(name)]) / 1100;
    expectRelativeClose(total[column("serviceLevel")] as number, weighted("serviceLevel"), 1e-12);
    expectRelativeClose(total[column("pWait")] as number, weighted("pWait"), 1e-12);
    expectRelativeClose(total[column("asaSec")] as number, weighted("asaSec"), 1e-12); // nobody abandons
    const carried = 10 * 0.5 + 100 * 0.5;
    const staffed = (a[column("agents")] + c[column("agents")]) * 0.5;
    expectRelativeClose(total[column("occupancy")] as number, carried / staffed, 1e-12);
    expect(total[column("abandonRate")]).toBe(0);
    expect([total[column("traffic")], total[column("agents")], total[column("scheduled")]]).toEqual([
      "",
      "",
      "",
    ]);
  });

  it("costs scheduled agent hours when an hourly cost is given", () => {
    const costed = staffTable([interval(1, 100, { hourlyCost: 30 }), interval(2, 200, { hourlyCost: 40 })]);
    expect(costed.columns.at(-1)).toBe("cost");
    const hours = costed.rows.map((row) => row[costed.columns.indexOf("agentHours")] as number);
    expect(costed.rows.map((row) => row.at(-1))).toEqual([hours[0] * 30, hours[1] * 40]);
    expect(costed.total.at(-1)).toBe(hours[0] * 30 + hours[1] * 40);
  });

  it("weights ASA by answered contacts when contacts abandon", () => {
    const patient = { ...NO_LIMITS, patienceSec: 300 };
    const rows = staffTable([
      interval(1, 100, { limits: patient }),
      interval(2, 400, { limits: patient }),
    ]).rows.map((row) => row.map(Number));
    const total = staffTable([
      interval(1, 100, { limits: patient }),
      interval(2, 400, { limits: patient }),
    ]).total;
    const [asaAt, abandonAt] = [7, 10];
    const answered = rows.map((row, i) => [100, 400][i] * (1 - row[abandonAt]));
    expectRelativeClose(
      total[asaAt] as number,
      (answered[0] * rows[0][asaAt] + answered[1] * rows[1][asaAt]) / (answered[0] + answered[1]),
      1e-12,
    );
  });

  it("names the worksheet row of a bad interval", () => {
    const error = engineErrorFrom(() => staffTable([interval(1, 100), interval(7, -3)]));
    expect(error.message).toBe("volume must be >= 0; row 7 is -3");
    const unreachable = engineErrorFrom(() =>
      staffTable([interval(3, 100, { goal: { kind: "serviceLevel", target: 1, withinSec: 20 } })]),
    );
    expect(unreachable.kind).toBe("num");
  });
});
