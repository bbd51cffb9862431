import {
  buildBlocker,
  builderProblems,
  currentSetup,
  sheetNameAllowed,
} from "../../../src/taskpane/hooks/modelBuilderSelectors";
import {
  initialState,
  modelBuilderReducer,
  type ModelBuilderAction,
  type ModelBuilderState,
} from "../../../src/taskpane/hooks/modelBuilderState";
import type { SourceData, SourceRef } from "../../../src/taskpane/model-builders/types";

const FORECAST: SourceRef = { kind: "table", name: "Forecast" };

function forecast(headers: string[], ref: SourceRef = FORECAST): SourceData {
  return {
    ref,
    sheet: "Data",
    address: "A1:C3",
    headers,
    rows: [
      ["08:00", 10, 4],
      ["08:15", 12, 5],
    ],
  };
}

const run = (actions: ModelBuilderAction[], state = initialState("en-US")): ModelBuilderState =>
  actions.reduce(modelBuilderReducer, state);

const chosen = (source: SourceRef = FORECAST): ModelBuilderAction => ({
  type: "sourceChosen",
  builder: "staffing",
  slot: "forecast",
  source,
});
const read = (data: SourceData, restored = false): ModelBuilderAction => ({
  type: "sourceRead",
  builder: "staffing",
  slot: "forecast",
  data,
  restored,
});

describe("modelBuilderReducer", () => {
  it("starts each builder with its default sheet name and inputs, in the pane's language", () => {
    const state = initialState("zh-CN");
    expect(state.builders.abc.sheetName).toBe("成本分配");
    expect(state.builders.value.inputs).toEqual({
      periodDays: "7",
      horizonPeriods: "52",
      discountRate: "0.0015",
    });
  });

  it("ignores a read that finished after the user picked another source", () => {
    const other: SourceRef = { kind: "table", name: "Other" };
    const state = run([chosen(), chosen(other), read(forecast(["Interval", "Calls", "AHT"]))]);
    expect(state.builders.staffing.slots.forecast).toMatchObject({
      source: other,
      status: "reading",
      mapping: {},
    });
  });

  it("takes units from the mapped headers when a source is read", () => {
    const state = run([chosen(), read(forecast(["Interval", "Calls per hour", "AHT (min)"]))]);
    expect(state.builders.staffing.units).toEqual({ handleTime: "min", volume: "perHour" });
  });

  it("keeps a unit the user chose when another role is mapped, and follows a newly mapped handle time", () => {
    const state = run([
      chosen(),
      read(forecast(["Interval", "Calls", "AHT (min)", "Talk time (sec)"])),
      { type: "unitChanged", builder: "staffing", units: { handleTime: "hour" } },
      { type: "roleMapped", builder: "staffing", slot: "forecast", role: "volume", header: "Calls" },
    ]);
    expect(state.builders.staffing.units.handleTime).toBe("hour");
    const remapped = modelBuilderReducer(state, {
      type: "roleMapped",
      builder: "staffing",
      slot: "forecast",
      role: "handleTime",
      header: "Talk time (sec)",
    });
    expect(remapped.builders.staffing.units.handleTime).toBe("sec");
  });

  it("keeps a restored column that is no longer in the source, so validation reports it", () => {
    const saved = {
      builder: "staffing" as const,
      slots: {
        forecast: { source: FORECAST, mapping: { interval: "Interval", volume: "Calls", handleTime: "AHT" } },
      },
      units: { handleTime: "min" as const, volume: "perInterval" as const },
      inputs: {},
      sheetName: "Plan",
    };
    const state = run([
      { type: "restore", setup: saved },
      read(forecast(["Interval", "Calls", "Handle time"]), true),
    ]);
    const builder = state.builders.staffing;
    expect(builder.slots.forecast?.mapping.handleTime).toBe("AHT");
    expect(builder.units.handleTime).toBe("min");
    expect(builderProblems("staffing", builder).map(({ code }) => code)).toEqual(["missingColumn"]);
  });

  it("names the sheet a model was built under after building", () => {
    const state = run([chosen(), read(forecast(["Interval", "Calls", "AHT"]))]);
    const setup = { ...currentSetup("staffing", state.builders.staffing), sheetName: "Staffing plan (2)" };
    const built = modelBuilderReducer(state, { type: "built", setup, check: "OK" });
    expect(built.builders.staffing.sheetName).toBe("Staffing plan (2)");
    expect(built.build).toEqual({
      phase: "built",
      builder: "staffing",
      sheetName: "Staffing plan (2)",
      check: "OK",
    });
  });
});

describe("selectors", () => {
  it("parses inputs, treating blank text as invalid rather than 0", () => {
    const state = run([
      chosen(),
      read(forecast(["Interval", "Calls", "AHT"])),
      { type: "inputChanged", builder: "staffing", input: "targetSeconds", text: " " },
      { type: "select", builder: "staffing" },
    ]);
    expect(currentSetup("staffing", state.builders.staffing).inputs.targetSeconds).toBeNaN();
    expect(buildBlocker(state, "staffing", builderProblems("staffing", state.builders.staffing))).toBe(
      "inputs",
    );
  });

  it.each([
    ["Cost allocation", true],
    ["成本分配（2026）", true],
    ["", false],
    ["   ", false],
    ["Q3/Q4", false],
    ["[draft]", false],
    ["'quoted", false],
    ["x".repeat(32), false],
  ])("sheet name %j allowed: %s", (name, allowed) => {
    expect(sheetNameAllowed(name)).toBe(allowed);
  });
});
