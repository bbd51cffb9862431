/** @jest-environment jsdom */
/** The preview's workbook view against a stand-in workbook: formats, grid, selection, tabs, charts. */
import { act, fireEvent, render, screen } from "@testing-library/react";
import type {
  ChartSnapshot,
  PreviewCell,
  PreviewWorkbook,
  WorkbookSnapshot,
} from "../../src/preview/host/workbook";
import { cellAddress, columnLetters, parseRange, parseReference, rangeAddress } from "../../src/preview/a1";
import { chartData, niceCeiling } from "../../src/preview/view/chartData";
import { formatCell, isErrorText } from "../../src/preview/format";
import { Grid, MAX_GRID_ROWS, overflowWidth } from "../../src/preview/view/Grid";
import { WorkbookView } from "../../src/preview/view/WorkbookView";

describe("formatCell", () => {
  test.each<[PreviewCell, string, string]>([
    [0.4094, "0%", "41%"],
    [0.4094, "0.0%", "40.9%"],
    [1234567.891, "#,##0", "1,234,568"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [-0.001, "#,##0.00", "0.00"],
    [3.14159, "0.00", "3.14"],
    [45717, "yyyy-mm-dd", "2025-03-01"],
    [35431, "yyyy-mm-dd", "1997-01-01"],
    [354200, "General", "354200"],
    [0.40937483671, "General", "0.4093748367"],
    [1e12, "General", "1E+12"],
    [1.5e-7, "General", "1.5E-07"],
    [true, "General", "TRUE"],
    [null, "0%", ""],
    ["Answer calls", "#,##0", "Answer calls"],
    [12.5, "[$-409]mmm d", "12.5"],
  ])("%p as %p is %p", (value, numberFormat, text) => {
    expect(formatCell(value, numberFormat)).toBe(text);
  });

  test.each<[number, number, string]>([
    [0.40937483671, 8.43, "0.409375"],
    [1 / 3, 8, "0.333333"],
    [2000 / 3, 8, "666.6667"],
    [-2000 / 3, 8, "-666.667"],
    [123456789, 8, "1.23E+08"],
    [123456789, 9, "123456789"],
    [12345.678, 5, "12346"],
    [99999.7, 5, "1E+05"],
    [0.000123456, 8, "0.000123"],
    [1.5e-7, 8, "1.5E-07"],
    [1e12, 4, "####"],
    [354200, 8, "354200"],
  ])("General %p in %p characters is %p, as Excel fits it", (value, width, text) => {
    expect(formatCell(value, "General", width)).toBe(text);
  });

  test("only General is fitted to the column; other formats keep their text", () => {
    expect(formatCell(1234567.891, "#,##0.00", 5)).toBe("1,234,567.89");
    expect(formatCell("A long text", "General", 3)).toBe("A long text");
  });

  test("recognises error values", () => {
    for (const error of ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NAME?", "#REF!", "#SPILL!"]) {
      expect(isErrorText(error)).toBe(true);
    }
    expect(isErrorText("#1 customer")).toBe(false);
    expect(isErrorText(3)).toBe(false);
  });
});

describe("A1 addresses", () => {
  test("letters and ranges round-trip", () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(cellAddress(3, 1)).toBe("B4");
    expect(parseRange("'Cost ledger'!$B$9:A4")).toEqual({ top: 3, left: 0, bottom: 8, right: 1 });
    expect(rangeAddress(parseRange("C7")!)).toBe("C7");
    expect(rangeAddress({ top: 0, left: 0, bottom: 200, right: 5 })).toBe("A1:F201");
    expect(parseRange("Sheet1")).toBeUndefined();
    expect(parseReference("'Bob''s sheet'!A1:B2")).toEqual({
      sheet: "Bob's sheet",
      range: { top: 0, left: 0, bottom: 1, right: 1 },
    });
    expect(parseReference("Data!C3")).toEqual({
      sheet: "Data",
      range: { top: 2, left: 2, bottom: 2, right: 2 },
    });
    expect(parseReference("C3")).toEqual({
      sheet: undefined,
      range: { top: 2, left: 2, bottom: 2, right: 2 },
    });
  });
});

describe("chartData", () => {
  const values: PreviewCell[][] = [
    ["Month", "Calls", "Chats"],
    ["Jan", 10, 4],
    ["Feb", 12, "#N/A"],
  ];

  test("series in columns: first column categories, further columns series named by a header row", () => {
    expect(chartData(values, parseRange("A1:C3")!)).toEqual({
      categories: ["Jan", "Feb"],
      categoryCells: [
        [1, 0],
        [2, 0],
      ],
      series: [
        { name: "Calls", values: [10, 12] },
        { name: "Chats", values: [4, null] },
      ],
    });
    expect(chartData(values, parseRange("A2:B3")!)?.series).toEqual([{ name: "Series 1", values: [10, 12] }]);
    expect(chartData(values, parseRange("A1:A3")!)).toBeUndefined();
  });

  test("series in rows: first row categories, further rows series", () => {
    expect(chartData(values, parseRange("A1:C2")!, true)).toEqual({
      categories: ["Calls", "Chats"],
      categoryCells: [
        [0, 1],
        [0, 2],
      ],
      series: [{ name: "Jan", values: [10, 4] }],
    });
  });

  test("niceCeiling rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 0.3, 1, 1.2, 3, 7, 120, 1000].map(niceCeiling)).toEqual([1, 0.5, 1, 2, 5, 10, 200, 1000]);
  });
});

/** Just enough of PreviewWorkbook for the view: values are the cells, formulas kept beside them. */
class StandInWorkbook {
  private active: string;
  private selected: { sheet: string; address: string };
  private listeners = new Set<() => void>();
  constructor(private readonly data: WorkbookSnapshot) {
    this.active = data.activeSheet ?? data.sheets[0].name;
    this.selected = data.selection ?? { sheet: this.active, address: "A1" };
  }
  private sheet(name: string) {
    const sheet = this.data.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
  sheetNames = () => this.data.sheets.map((sheet) => sheet.name);
  values = (name: string) => this.sheet(name).cells;
  formulas = (name: string) =>
    this.sheet(name).cells.map((row) => row.map((cell) => (cell === "#DIV/0!" ? "=1/0" : cell)));
  numberFormat = (name: string, row: number, column: number) =>
    this.sheet(name).numberFormats?.[row]?.[column] ?? "General";
  errorMessage = (name: string, row: number, column: number) =>
    this.values(name)[row]?.[column] === "#DIV/0!" ? "Division by zero." : undefined;
  cellStyle = (name: string, row: number) =>
    name === "Ledger" && row === 0 ? { bold: true, fill: "#DDEBF7" } : {};
  columnWidth = (_name: string, column: number) => (column === 0 ? 90 : 48);
  charts = (name?: string) => this.data.charts.filter((chart) => name === undefined || chart.sheet === name);
  tables = () => this.data.tables;
  activeSheet = () => this.active;
  selection = () => this.selected;
  select = (sheet: string, address: string) => {
    this.active = sheet;
    this.selected = { sheet, address };
  };
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  /** Test hook: changes a cell and notifies, as a recalculation would. */
  change(name: string, row: number, column: number, value: PreviewCell) {
    this.sheet(name).cells[row][column] = value;
    for (const listener of this.listeners) listener();
  }
}

function standIn() {
  const chart: ChartSnapshot = {
    sheet: "Volumes",
    name: "Calls",
    type: "ColumnClustered",
    title: "Calls by day",
    source: "A1:B4",
  };
  return new StandInWorkbook({
    sheets: [
      {
        name: "Ledger",
        cells: [
          ["Activity", "Cost", "Share"],
          ["Answer calls", 86400, 0.4094],
          ["Training", 15800, "#DIV/0!"],
        ],
        numberFormats: [
          [null, null, null],
          [null, "#,##0", "0.0%"],
          [null, "#,##0", "0.0%"],
        ],
      },
      {
        name: "Volumes",
        cells: [
          ["Day", "Calls"],
          ["Mon", 12],
          ["Tue", 15],
          ["Wed", 9],
          ...Array.from({ length: 400 }, (_, index) => [`Day ${index}`, index]),
        ],
      },
    ],
    tables: [],
    charts: [chart],
    settings: {},
  });
}

describe("WorkbookView", () => {
  // jsdom does no layout, so it has no scrollIntoView.
  const scrollIntoView = jest.fn();
  beforeAll(() => {
    Element.prototype.scrollIntoView = scrollIntoView;
  });

  test("shows the active sheet formatted, with the preview and licence note", () => {
    const workbook = standIn();
    render(<WorkbookView workbook={workbook as unknown as PreviewWorkbook} onReset={() => {}} />);
    expect(screen.getByText(/HyperFormula \(GPL-3\.0\), used by this preview only/)).toBeTruthy();
    const cell = (address: string) =>
      document.querySelector(`[data-testid="grid"] [data-cell="${address}"]`)!;
    expect(cell("A2").textContent).toBe("Answer calls");
    expect(cell("B2").textContent).toBe("86,400");
    expect(cell("C2").textContent).toBe("40.9%");
    expect(cell("C3").getAttribute("title")).toBe("Division by zero.");
    expect(cell("B2").getAttribute("title")).toBeNull();
    expect((cell("A1") as HTMLElement).style.fontWeight).toBe("600");
    expect((cell("A1") as HTMLElement).style.backgroundColor).toBe("rgb(221, 235, 247)");
    // Columns as wide as the workbook says (90 and 48 points), whatever their cells hold.
    const columns = [...document.querySelectorAll<HTMLElement>('[data-testid="grid"] col')];
    expect(columns.slice(1, 4).map((column) => column.style.width)).toEqual(["120px", "64px", "64px"]);
    expect(screen.getByTestId("grid").style.width).toBe(
      `${columns.reduce((sum, column) => sum + parseFloat(column.style.width), 0)}px`,
    );
  });

  test("selects clicked cells, extends with shift, switches sheets and follows changes", () => {
    const workbook = standIn();
    const onReset = jest.fn();
    render(<WorkbookView workbook={workbook as unknown as PreviewWorkbook} onReset={onReset} />);
    const cell = (address: string) =>
      document.querySelector(`[data-testid="grid"] [data-cell="${address}"]`)!;

    fireEvent.click(cell("C3"));
    expect(workbook.selection()).toEqual({ sheet: "Ledger", address: "C3" });
    expect(screen.getByTestId("formula-bar").textContent).toBe("C3=1/0");
    fireEvent.click(cell("A2"), { shiftKey: true });
    expect(workbook.selection()).toEqual({ sheet: "Ledger", address: "A2:C3" });
    fireEvent.keyDown(screen.getByTestId("grid"), { key: "ArrowDown" });
    expect(workbook.selection()).toEqual({ sheet: "Ledger", address: "A3" });
    expect(scrollIntoView).toHaveBeenCalled();

    fireEvent.click(screen.getByTestId("sheet-tab-Volumes"));
    expect(workbook.activeSheet()).toBe("Volumes");
    expect(cell("A2").textContent).toBe("Mon");
    const chart = screen.getByTestId("chart-Calls");
    expect(chart.querySelectorAll("rect")).toHaveLength(3);
    expect(chart.textContent).toContain("Calls by day");
    expect(screen.getByTestId("grid-truncated").textContent).toContain(`first ${MAX_GRID_ROWS} of 404 rows`);
    expect(document.querySelectorAll('[data-testid="grid"] tbody tr')).toHaveLength(MAX_GRID_ROWS);

    fireEvent.click(screen.getByTestId("sheet-tab-Ledger"));
    expect(workbook.selection()).toEqual({ sheet: "Ledger", address: "A3" }); // remembered
    act(() => workbook.change("Ledger", 1, 1, 90000));
    expect(cell("B2").textContent).toBe("90,000");

    fireEvent.click(screen.getByTestId("reset-workbook"));
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});

describe("Grid text overflow", () => {
  const note = "A long note that is much wider than its column";
  const values: PreviewCell[][] = [
    ["Title", null, null, null],
    [note, null, null, "Filled"],
    [note, "Next", null, null],
    [1234567.891, null, null, null],
    ["#N/A", null, "Text", null],
  ];
  const grid = (cells: PreviewCell[][], cellStyle = () => ({})) => (
    <Grid
      values={cells}
      numberFormat={() => "#,##0.00"}
      errorMessage={() => undefined}
      cellStyle={cellStyle}
      columnWidth={(column) => (column === 0 ? 60 : 48)}
      selection={undefined}
      onSelect={() => {}}
    />
  );
  const renderGrid = (cellStyle = () => ({})) => render(grid(values, cellStyle));
  const cell = (address: string) =>
    document.querySelector<HTMLElement>(`[data-testid="grid"] [data-cell="${address}"]`)!;
  const text = (address: string) => cell(address).querySelector<HTMLElement>(".preview-text");

  test("text runs over the empty cells to its right, up to the first filled one", () => {
    renderGrid();
    // A2 runs over B2 and C2 (80 + 64 + 64 px, less the cell's padding and lines), not over D2.
    expect(cell("A2").classList.contains("preview-overflow")).toBe(true);
    expect(text("A2")?.style.width).toBe("201px");
    expect(text("A2")?.textContent).toBe(note);
    // Without room on the right it is clipped to its own cell.
    expect(cell("A3").classList.contains("preview-overflow")).toBe(false);
    expect(text("A3")?.style.width).toBe("");
    // A title runs to the last column drawn (H); the empty cells it covers stay cells of their own.
    expect(text("A1")?.style.width).toBe(`${80 + 64 * 7 - 7}px`);
    expect(cell("B1").textContent).toBe("");
    expect(text("B1")).toBeNull();
    // Numbers and errors never run over, even with empty cells beside them; text does.
    for (const address of ["A4", "A5", "C5", "D2"]) {
      expect(cell(address).classList.contains("preview-overflow")).toBe(/^[CD]/.test(address));
    }
    expect(cell("A4").textContent).toBe("1,234,567.89");
  });

  test("alignment other than left keeps text in its cell", () => {
    renderGrid(() => ({ horizontalAlignment: "Center" }));
    expect(cell("A2").classList.contains("preview-overflow")).toBe(false);
    expect(overflowWidth(["Text", null], 0, 2, () => 64, "Left")).toBe(64 * 2 - 7);
    expect(overflowWidth(["Text", null], 0, 2, () => 64, "Right")).toBeUndefined();
    expect(overflowWidth(["Text", ""], 0, 2, () => 64, undefined)).toBeUndefined();
  });

  test("a number too wide for its cell shows as hashes", () => {
    // jsdom does no layout: the number's text is 90 px wide, every cell 60 px.
    const offsetWidth = jest.spyOn(HTMLElement.prototype, "offsetWidth", "get").mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.textContent === "1,234,567.89" ? 90 : 20;
    });
    const clientWidth = jest.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(60);
    try {
      const { rerender } = render(grid(values));
      expect(cell("A4").hasAttribute("data-hashed")).toBe(true);
      expect(cell("A4").textContent).toBe("1,234,567.89"); // kept, hidden, to measure again
      expect(cell("A2").hasAttribute("data-hashed")).toBe(false);
      // The same cell with a number that fits, then with text: no hashes.
      rerender(grid(values.map((row, index) => (index === 3 ? [12, ...row.slice(1)] : row))));
      expect(cell("A4").hasAttribute("data-hashed")).toBe(false);
      rerender(grid(values));
      expect(cell("A4").hasAttribute("data-hashed")).toBe(true);
      rerender(grid(values.map((row, index) => (index === 3 ? ["1,234,567.89", ...row.slice(1)] : row))));
      expect(cell("A4").hasAttribute("data-hashed")).toBe(false);
    } finally {
      offsetWidth.mockRestore();
      clientWidth.mockRestore();
    }
  });
});
