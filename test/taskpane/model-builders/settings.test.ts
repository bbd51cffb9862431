import {
  parseSavedModels,
  serializeSavedModels,
  SETTINGS_VERSION,
  type SavedModels,
} from "../../../src/taskpane/model-builders/settings";

const staffing: SavedModels = {
  version: SETTINGS_VERSION,
  active: "staffing",
  models: {
    staffing: {
      builder: "staffing",
      slots: {
        forecast: {
          source: { kind: "table", name: "IntervalForecast" },
          mapping: { interval: "Interval", volume: "Volume", handleTime: "AHT (sec)" },
        },
      },
      units: { handleTime: "sec", volume: "perInterval" },
      inputs: {
        intervalMinutes: 30,
        targetServiceLevel: 0.9,
        targetSeconds: 15,
        shrinkage: 0.25,
        maxOccupancy: 0.9,
        hourlyCost: 28,
      },
      sheetName: "Staffing plan (2)",
    },
  },
};

describe("saved models", () => {
  it("round-trips through the JSON kept in settings", () => {
    expect(parseSavedModels(serializeSavedModels(staffing))).toEqual({ status: "ok", saved: staffing });
  });

  it("is empty when nothing was saved", () => {
    expect(parseSavedModels(null)).toEqual({
      status: "empty",
      saved: { version: SETTINGS_VERSION, models: {} },
    });
  });

  it("ignores what a newer pane wrote, and says so", () => {
    expect(parseSavedModels(JSON.stringify({ ...staffing, version: SETTINGS_VERSION + 1 })).status).toBe(
      "newer",
    );
  });

  it("reports broken JSON and malformed setups instead of throwing", () => {
    expect(parseSavedModels("{not json").status).toBe("invalid");
    expect(parseSavedModels(JSON.stringify({ models: {} })).status).toBe("invalid");
    const broken = {
      ...staffing,
      models: {
        ...staffing.models,
        abc: { builder: "abc", slots: { ledger: { source: { kind: "table" } } }, sheetName: "x" },
      },
    };
    const parsed = parseSavedModels(JSON.stringify(broken));
    expect(parsed.status).toBe("invalid");
    expect(parsed.saved.models.staffing).toEqual(staffing.models.staffing); // the good setup survives
    expect(parsed.saved.models.abc).toBeUndefined();
  });

  it("fills inputs and units missing from an older save with their defaults", () => {
    const old = {
      version: 1,
      models: { value: { builder: "value", slots: {}, sheetName: "Customer value" } },
    };
    expect(parseSavedModels(JSON.stringify(old)).saved.models.value).toEqual({
      builder: "value",
      slots: {},
      units: { handleTime: "sec", volume: "perInterval" },
      inputs: { periodDays: 7, horizonPeriods: 52, discountRate: 0.0015 },
      sheetName: "Customer value",
    });
  });
});
