/** The staffing functions as Excel calls them: through the registered wrappers. */
import { expectRelativeClose, readReferenceCsv } from "../support/reference";
import { thrownExcelError } from "../support/excel-results";
import { registeredFunction } from "../support/registry";

const erlangC = registeredFunction("ERLANG_C").call;
const erlangB = registeredFunction("ERLANG_B").call;
const reference = readReferenceCsv("erlang_c_reference.csv");

type Cell = number | string | CustomFunctions.Error;
const grid = (value: unknown) => value as Cell[][];
const thrownBy = thrownExcelError;

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("SVC.ERLANG_C", () => {
  it("returns the reference P(wait) for a single cell", () => {
    const [row] = grid(erlangC([[14]], [[10]]));
    expectRelativeClose(row[0] as number, 0.174131933595, 1e-9);
  });

  it("spills a column of reference cases in one call", () => {
    const agents = reference.map((r) => [Number(r.raw_agents)]);
    const traffic = reference.map((r) => [(Number(r.calls) * Number(r.aht_s)) / Number(r.interval_s)]);
    const result = grid(erlangC(agents, traffic));
    expect(result).toHaveLength(reference.length);
    result.forEach(([p], i) => expectRelativeClose(p as number, Number(reference[i].p_wait), 1e-9));
  });

  it("broadcasts a column of agents against a row of traffic into a table", () => {
    const result = grid(erlangC([[11], [14], [20]], [[5, 10]]));
    expect(result.map((row) => row.length)).toEqual([2, 2, 2]);
    expectRelativeClose(result[1][1] as number, 0.174131933595, 1e-9);
    expect(result[0][0]).toBeLessThan(result[0][1] as number);
  });

  it("puts #NUM! in the cells where agents do not exceed traffic, and values elsewhere", () => {
    const result = grid(erlangC([[10], [14]], [[10]]));
    const error = result[0][0] as CustomFunctions.Error;
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect(error.code).toBe("#NUM!");
    expect(error.message).toBeUndefined(); // Excel cannot show a message on #NUM!
    expectRelativeClose(result[1][0] as number, 0.174131933595, 1e-9);
  });

  it("explains bad cells with #VALUE! naming the argument and row", () => {
    const [, [bad]] = grid(erlangC([[14], ["many"]], [[10]]));
    expect((bad as CustomFunctions.Error).code).toBe("#VALUE!");
    expect((bad as CustomFunctions.Error).message).toBe('agents must be a number; row 2 is "many"');
  });

  it("explains in Chinese when Office runs in Chinese", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    const [[bad]] = grid(erlangB([[2.5]], [[1]]));
    expect((bad as CustomFunctions.Error).message).toBe("servers 必须为大于等于 0 的整数；当前为 2.5");
  });

  it("passes an error in an input cell through unchanged", () => {
    const notAvailable = new CustomFunctions.Error("#N/A" as CustomFunctions.ErrorCode);
    const [[cell]] = grid(erlangC([[notAvailable]], [[10]]));
    expect((cell as CustomFunctions.Error).code).toBe("#N/A");
  });

  it("rejects ranges that do not broadcast as one #VALUE! for the call", () => {
    const error = thrownBy(() => erlangC([[11], [14], [20]], [[5], [10]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "agents (3 x 1) and traffic (2 x 1) do not match: each dimension must be equal or 1",
    );
  });
});

describe("SVC.ERLANG_B", () => {
  it("matches hand-worked values and spills", () => {
    const result = grid(erlangB([[1], [2]], [[1]]));
    expect(result[0][0]).toBeCloseTo(0.5, 15);
    expect(result[1][0]).toBeCloseTo(0.2, 15);
  });

  it("treats a blank traffic cell as 0, as Excel's desktop passes it", () => {
    expect(grid(erlangB([[3]], [[null]]))).toEqual([[0]]);
  });
});

const call = (id: string) => registeredFunction(id).call;
const staffNeeded = call("STAFF_NEEDED");
const staffTable = call("STAFF_TABLE");
const errorIn = (cell: unknown) => cell as CustomFunctions.Error;

describe("SVC.STAFF_NEEDED", () => {
  it("gives the reference's scheduled agents, optional arguments omitted or blank", () => {
    // C01: 100 calls / 30 min, 180 s, 80/20, occupancy cap 85%, shrinkage 30% -> 20.
    expect(staffNeeded([[100]], [[180]], [[0.8]], [[20]], [[30]], [[0.85]], [[0.3]])).toEqual([[20]]);
    expect(staffNeeded([[100]], [[180]], [[0.8]], [[20]], [[30]], null, [[""]], undefined, [[null]])).toEqual(
      [[14]],
    );
    // 200 calls an hour is the same traffic with the default 60-minute interval.
    expect(staffNeeded([[200]], [[180]], [[0.8]], [[20]])).toEqual([[14]]);
  });

  it("switches to Erlang A when patience_sec is given (erlang_a_staffing.csv S01)", () => {
    expect(
      staffNeeded([[100]], [[180]], [[0.8]], [[20]], [[30]], [[0.85]], [[0.3]], [[300]], [[0.05]]),
    ).toEqual([[19]]);
  });

  it("spills over a column of volumes and names the row of a bad one", () => {
    const result = grid(staffNeeded([[100], [0], [-3], [1000]], [[180]], [[0.8]], [[20]], [[30]]));
    expect(result.slice(0, 2)).toEqual([[14], [0]]);
    expect(errorIn(result[2][0]).message).toBe("volume must be >= 0; row 3 is -3");
    expect(result[3][0]).toBe(107); // C14's service-level-only count at 100 Erlangs
  });

  it("returns #NUM! without a message for a target no staffing meets", () => {
    const [[cell]] = grid(staffNeeded([[100]], [[180]], [[1]], [[20]], [[30]]));
    expect(errorIn(cell).code).toBe("#NUM!");
    expect(errorIn(cell).message).toBeUndefined();
  });
});

describe("the measures at a given number of agents", () => {
  const [row] = readReferenceCsv("erlang_a_reference.csv");
  const base = [[[Number(row.agents)]], [[Number(row.calls)]], [[Number(row.aht_s)]]];

  it("match erlang_a_reference.csv A01 through the registered wrappers", () => {
    const at = (id: string, ...rest: unknown[]) => grid(call(id)(...base, ...rest))[0][0] as number;
    expectRelativeClose(at("SERVICE_LEVEL", [[20]], [[30]], [[300]]), Number(row.sl_offered), 1e-6);
    expectRelativeClose(at("ASA", [[30]], [[300]]), Number(row.asa_answered), 1e-6);
    expectRelativeClose(at("OCCUPANCY", [[30]], [[300]]), Number(row.occupancy), 1e-6);
    expectRelativeClose(at("ABANDON_RATE", [[300]], [[30]]), Number(row.p_abandon), 1e-6);
  });

  it("give #DIV/0! for ASA and occupancy with no agents to answer", () => {
    const [[cell]] = grid(call("ASA")([[0]], [[100]], [[180]], [[30]], [[300]]));
    expect(errorIn(cell).code).toBe("#DIV/0!");
    expect(grid(call("SERVICE_LEVEL")([[0]], [[100]], [[180]], [[20]], [[30]], [[300]]))).toEqual([[0]]);
  });

  it("spill a column of agents", () => {
    const result = grid(call("SERVICE_LEVEL")([[13], [14], [15]], [[100]], [[180]], [[20]], [[30]]));
    expect(result).toHaveLength(3);
    expectRelativeClose(result[1][0] as number, 0.8883500192, 1e-6);
    expect(result[0][0]).toBeLessThan(result[1][0] as number);
  });
});

describe("SVC.FTE_NEEDED", () => {
  it("spills a column of monthly volumes", () => {
    const result = grid(call("FTE_NEEDED")([[36_000], [72_000]], [[300]], [[165]], [[0.1]], [[0.8]]));
    expect(result[0][0]).toBeCloseTo(25, 12);
    expect(result[1][0]).toBeCloseTo(50, 12);
  });
});

describe("SVC.STAFF_TABLE", () => {
  const volumes = [[100], [null], [0], [1000]];

  it("spills a header row, one row per non-blank interval and a total row", () => {
    const result = grid(staffTable(volumes, [[180]], [[0.8]], [[20]], [[30]], [[0.85]], [[0.3]]));
    expect(result).toHaveLength(1 + 3 + 1);
    expect(result.every((r) => r.length === 11)).toBe(true);
    expect(result[0]).toEqual([
      "Interval",
      "Volume",
      "Traffic (Erlangs)",
      "Agents",
      "Scheduled agents",
      "Agent hours",
      "Service level",
      "ASA (sec)",
      "Occupancy",
      "P(wait)",
      "Abandon rate",
    ]);
    expect(result[1].slice(0, 6)).toEqual([1, 100, 10, 14, 20, 10]);
    expectRelativeClose(result[1][6] as number, 0.8883500192, 1e-6);
    expect(result[2].slice(0, 6)).toEqual([3, 0, 0, 0, 0, 0]);
    expect(result[4][0]).toBe("Total");
    expect(result[4][1]).toBe(1100);
  });

  it("adds a cost column when hourly_cost is given, and speaks Chinese in a Chinese Office", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    const result = grid(staffTable([[100]], [[180]], [[0.8]], [[20]], [[30]], null, [[0.3]], null, [[25]]));
    expect(result[0]).toHaveLength(12);
    expect(result[0][0]).toBe("时段");
    expect(result[0][11]).toBe("成本");
    expect(result[1][11]).toBe(20 * 0.5 * 25);
    expect(result[2][0]).toBe("合计");
    expect(result[2][11]).toBe(250);
  });

  it("takes a handle time per interval from a matching column", () => {
    const result = grid(staffTable([[100], [100]], [[180], [360]], [[0.8]], [[20]], [[30]]));
    expect(result[1][2]).toBe(10);
    expect(result[2][2]).toBe(20);
  });

  it("fails as a whole with a message naming the argument and row", () => {
    const bad = thrownBy(() => staffTable([[100], [-3]], [[180]], [[0.8]], [[20]]));
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toBe("volumes must be >= 0; row 2 is -3");
    const partlyBlank = thrownBy(() => staffTable([[100], [120]], [[180], [null]], [[0.8]], [[20]]));
    expect(partlyBlank.message).toBe(
      "aht_sec must be filled in; row 2 is blank (only wholly blank rows are skipped)",
    );
    const wrongLength = thrownBy(() => staffTable([[100], [120]], [[180], [170], [160]], [[0.8]], [[20]]));
    expect(wrongLength.message).toBe("aht_sec must have one row per row of volumes (2); it has 3");
    expect(thrownBy(() => staffTable([[100]], [[180]], [[1]], [[20]])).code).toBe("#NUM!");
    // A single value breaks its rule for every row alike: the message names no row.
    expect(thrownBy(() => staffTable([[null], [100]], [[-180]], [[0.8]], [[20]])).message).toBe(
      "aht_sec must be > 0; got -180",
    );
    expect(thrownBy(() => staffTable([[100], [100]], [[180], [-180]], [[0.8]], [[20]])).message).toBe(
      "aht_sec must be > 0; row 2 is -180",
    );
  });

  it("plans 96 quarter-hours", () => {
    const day = Array.from({ length: 96 }, (_, i) => [Math.round(400 * Math.sin((Math.PI * i) / 96) ** 2)]);
    const result = grid(staffTable(day, [[240]], [[0.8]], [[20]], [[15]], [[0.9]], [[0.3]], [[120]], [[30]]));
    expect(result).toHaveLength(98);
    expect(result[97][0]).toBe("Total");
    const volumes = day.reduce((sum, [v]) => sum + v, 0);
    expect(result[97][1]).toBe(volumes);
  });
});
