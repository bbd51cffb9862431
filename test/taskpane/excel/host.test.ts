import {
  displayLanguage,
  officeTheme,
  relativeLuminance,
  whenOfficeReady,
} from "../../../src/taskpane/excel/host";

/** Installs a minimal Office global for one test; the pane only reads what is faked here. */
function withOffice(context: Record<string, unknown>, onReady = jest.fn(async () => ({}))) {
  Object.assign(globalThis, { Office: { context, onReady } });
  return onReady;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("outside Office", () => {
  it("has no display language, a light theme, and is ready at once", async () => {
    expect(displayLanguage()).toBeUndefined();
    expect(officeTheme()).toBe("light");
    await expect(whenOfficeReady()).resolves.toBeUndefined();
  });
});

describe("inside Office", () => {
  it("waits for Office.onReady", async () => {
    const onReady = withOffice({});
    await whenOfficeReady();
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("reads the display language", () => {
    withOffice({ displayLanguage: "zh-CN" });
    expect(displayLanguage()).toBe("zh-CN");
  });

  it("treats an empty display language as unknown", () => {
    withOffice({ displayLanguage: "" });
    expect(displayLanguage()).toBeUndefined();
  });

  it.each([
    ["#262626", "dark"], // Black theme
    ["#444444", "dark"],
    ["#000", "dark"],
    ["#FFFFFF", "light"], // Colorful and White themes
    ["#e6e6e6", "light"],
    ["#fff", "light"],
  ])("calls body background %s %s", (bodyBackgroundColor, expected) => {
    withOffice({ officeTheme: { bodyBackgroundColor } });
    expect(officeTheme()).toBe(expected);
  });

  it("falls back to light when the theme is absent, malformed or throws", () => {
    withOffice({});
    expect(officeTheme()).toBe("light");
    withOffice({ officeTheme: { bodyBackgroundColor: "rgb(0, 0, 0)" } });
    expect(officeTheme()).toBe("light");
    withOffice(
      Object.defineProperty({}, "officeTheme", {
        get() {
          throw new Error("not supported in this host");
        },
      }),
    );
    expect(officeTheme()).toBe("light");
  });
});

describe("relativeLuminance", () => {
  it("follows the WCAG definition", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 12);
    expect(relativeLuminance("#808080")).toBeCloseTo(0.2158605, 6);
    expect(relativeLuminance("#f00")).toBeCloseTo(0.2126, 12);
    expect(relativeLuminance("blue")).toBeUndefined();
  });
});
