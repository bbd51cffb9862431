import {
  normalizeHeader,
  suggestMapping,
  suggestTimeUnit,
  suggestUnits,
  suggestVolumeBasis,
} from "../../../src/taskpane/model-builders/suggest";

describe("suggestMapping", () => {
  it("maps an English ledger and contact log", () => {
    expect(suggestMapping("abc", "ledger", ["Account", "Activity", "Cost"])).toEqual({
      activity: "Activity",
      cost: "Cost",
    });
    expect(
      suggestMapping("abc", "log", ["Date", "Channel", "Tier", "Activity", "Handle time (min)", "Customer"]),
    ).toEqual({ activity: "Activity", costObject: "Channel", driverQuantity: "Handle time (min)" });
  });

  it("maps Chinese headers", () => {
    expect(suggestMapping("abc", "ledger", ["科目", "作业", "成本"])).toEqual({
      activity: "作业",
      cost: "成本",
    });
    expect(suggestMapping("abc", "log", ["日期", "渠道", "作业", "处理时长（分钟）"])).toEqual({
      activity: "作业",
      costObject: "渠道",
      driverQuantity: "处理时长（分钟）",
    });
    expect(suggestMapping("staffing", "forecast", ["时段", "来电量", "平均处理时长（秒）"])).toEqual({
      interval: "时段",
      volume: "来电量",
      handleTime: "平均处理时长（秒）",
    });
    expect(suggestMapping("value", "transactions", ["客户编号", "交易日期", "消费金额"])).toEqual({
      customer: "客户编号",
      date: "交易日期",
      amount: "消费金额",
    });
  });

  it("prefers an exact header to one that merely contains the word, and uses each column once", () => {
    expect(suggestMapping("staffing", "forecast", ["Interval", "Volume", "AHT (sec)"])).toEqual({
      interval: "Interval",
      volume: "Volume",
      handleTime: "AHT (sec)",
    });
    // "Handle time" must not also become the interval because it contains "time".
    const mapping = suggestMapping("staffing", "forecast", ["Handle time", "Calls"]);
    expect(mapping).toEqual({ handleTime: "Handle time", volume: "Calls" });
  });

  it("keeps the user's choices and does not give their columns to other roles", () => {
    const mapping = suggestMapping("abc", "log", ["Activity", "Channel", "Tier", "Minutes"], {
      costObject: "Tier",
    });
    expect(mapping).toEqual({ activity: "Activity", costObject: "Tier", driverQuantity: "Minutes" });
  });

  it("drops a kept choice whose column is gone and leaves unmatched roles unmapped", () => {
    expect(suggestMapping("abc", "ledger", ["Foo", "Bar"], { cost: "Old" })).toEqual({});
  });
});

describe("units from headers", () => {
  it.each([
    ["AHT (sec)", "sec"],
    ["Handle time (min)", "min"],
    ["处理时长（分钟）", "min"],
    ["平均处理时长（秒）", "sec"],
    ["Handle time (hours)", "hour"],
    ["Handle time", undefined],
  ])("%s -> %s", (header, unit) => {
    expect(suggestTimeUnit(header)).toBe(unit);
  });

  it("reads a per-hour volume", () => {
    expect(suggestVolumeBasis("Calls per hour")).toBe("perHour");
    expect(suggestVolumeBasis("每小时来电量")).toBe("perHour");
    expect(suggestVolumeBasis("Volume")).toBeUndefined();
    expect(suggestUnits({ handleTime: "AHT (min)", volume: "Calls per hour" })).toEqual({
      handleTime: "min",
      volume: "perHour",
    });
    expect(suggestUnits({ handleTime: "AHT" }, { handleTime: "hour", volume: "perInterval" })).toEqual({
      handleTime: "hour",
      volume: "perInterval",
    });
  });

  it("normalizes headers", () => {
    expect(normalizeHeader("  Handle_Time (min) ")).toBe("handle time");
    expect(normalizeHeader("处理时长（分钟）")).toBe("处理时长");
  });
});
