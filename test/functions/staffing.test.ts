/** The staffing functions as Excel calls them: through the registered wrappers. */
import { expectRelativeClose, readReferenceCsv } from "../support/reference";
import { registeredFunction } from "../support/registry";

const erlangC = registeredFunction("ERLANG_C").call;
const erlangB = registeredFunction("ERLANG_B").call;
const reference = readReferenceCsv("erlang_c_reference.csv");

type Cell = number | string | CustomFunctions.Error;
const grid = (value: unknown) => value as Cell[][];
const thrownBy = (fn: () => unknown): CustomFunctions.Error => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error;
    throw error;
  }
  throw new Error("expected a CustomFunctions.Error to be thrown");
};

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
