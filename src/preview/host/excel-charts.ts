/** Excel's charts, recorded in the PreviewWorkbook for the page to draw. */
import { excelAddress } from "./addresses";
import { type Batch, Binding, ClientCollection, ClientObject, ClientResult } from "./client-object";
import { ErrorCodes, fail } from "./errors";
import { parseOnSheet, Range } from "./excel-range";

// ---- Enums ------------------------------------------------------------------------------------

/** The chart types a preview can draw or at least record (Excel.ChartType's names and values). */
export const ChartType = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  columnStacked100: "ColumnStacked100",
  barClustered: "BarClustered",
  barStacked: "BarStacked",
  barStacked100: "BarStacked100",
  line: "Line",
  lineStacked: "LineStacked",
  lineStacked100: "LineStacked100",
  lineMarkers: "LineMarkers",
  lineMarkersStacked: "LineMarkersStacked",
  pie: "Pie",
  doughnut: "Doughnut",
  area: "Area",
  areaStacked: "AreaStacked",
  areaStacked100: "AreaStacked100",
  xyscatter: "XYScatter",
  xyscatterLines: "XYScatterLines",
  xyscatterLinesNoMarkers: "XYScatterLinesNoMarkers",
  xyscatterSmooth: "XYScatterSmooth",
  xyscatterSmoothNoMarkers: "XYScatterSmoothNoMarkers",
  radar: "Radar",
  bubble: "Bubble",
  histogram: "Histogram",
  pareto: "Pareto",
  waterfall: "Waterfall",
  funnel: "Funnel",
  boxwhisker: "Boxwhisker",
  treemap: "Treemap",
} as const;
const CHART_TYPES: readonly string[] = Object.values(ChartType);

export const ChartSeriesBy = { auto: "Auto", columns: "Columns", rows: "Rows" } as const;
// ---- Charts -----------------------------------------------------------------------------------

const chartBinding = (
  batch: Batch,
  sheet: Binding<number>,
  find: () => number | undefined,
  missing: string,
) =>
  new Binding<number>(find, missing, (id) => {
    const owner = sheet.tryGet();
    return owner !== undefined && batch.host.chartIds(owner).includes(id);
  });

export class Chart extends ClientObject {
  constructor(
    batch: Batch,
    private readonly sheet: Binding<number>,
    private readonly binding: Binding<number>,
    nullable = false,
  ) {
    super(batch, "Chart", nullable);
  }

  protected override exists(): boolean {
    return this.binding.tryGet() !== undefined;
  }

  protected properties() {
    return {
      name: () => this.info().name,
      chartType: () => this.info().type,
      id: () => `{preview-chart-${this.binding.get()}}`,
    };
  }

  protected override child(name: string): ClientObject | undefined {
    return name === "title" ? this.title : name === "worksheet" ? this.worksheet : undefined;
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, () => this.batch.host.updateChart(this.binding.get(), { name: String(name) }));
  }
  get chartType(): string {
    return this.read("chartType");
  }
  set chartType(type: string) {
    this.write("chartType", type, () =>
      this.batch.host.updateChart(this.binding.get(), { type: checkChartType(type) }),
    );
  }
  get id(): string {
    return this.read("id");
  }

  get title(): ChartTitle {
    return this.navigate("title", () => new ChartTitle(this.batch, this.binding));
  }
  get worksheet(): ClientObject {
    return this.navigate("worksheet", () => this.batch.worksheet(this.sheet));
  }

  /** Recorded as "E2:L18"; without an end cell Excel keeps the chart's size, recorded as the start cell. */
  setPosition(startCell: string | Range, endCell?: string | Range): void {
    this.batch.enqueue(() => {
      const sheetName = this.batch.host.sheetName(this.sheet.get());
      const box = (cell: string | Range) =>
        cell instanceof Range ? cell.place().box : parseOnSheet(sheetName, cell);
      const start = box(startCell);
      const end = endCell === undefined ? start : box(endCell);
      const spanned = {
        top: Math.min(start.top, end.top),
        left: Math.min(start.left, end.left),
        bottom: Math.max(start.bottom, end.bottom),
        right: Math.max(start.right, end.right),
      };
      this.batch.host.updateChart(this.binding.get(), {
        position: excelAddress(sheetName, spanned).split("!")[1],
      });
    });
  }

  delete(): void {
    this.batch.enqueue(() => this.batch.host.deleteChart(this.binding.get()));
  }

  private info() {
    return this.batch.host.chart(this.binding.get());
  }
}

class ChartTitle extends ClientObject {
  constructor(
    batch: Batch,
    private readonly chart: Binding<number>,
  ) {
    super(batch, "ChartTitle");
  }

  protected properties() {
    return {
      text: () => this.batch.host.chart(this.chart.get()).title,
      visible: () => this.batch.host.chart(this.chart.get()).title !== "",
    };
  }

  get text(): string {
    return this.read("text");
  }
  set text(text: string) {
    this.write("text", text, () => this.batch.host.updateChart(this.chart.get(), { title: String(text) }));
  }
  get visible(): boolean {
    return this.read("visible");
  }
}

function checkChartType(type: unknown): string {
  if (typeof type !== "string" || !CHART_TYPES.includes(type)) {
    fail(
      ErrorCodes.invalidArgument,
      `The preview host does not know the chart type ${JSON.stringify(type)}.`,
    );
  }
  return type;
}

export class ChartCollection extends ClientCollection<Chart> {
  constructor(
    batch: Batch,
    private readonly sheet: Binding<number>,
  ) {
    super(batch, "ChartCollection");
  }

  protected itemProxies(): Chart[] {
    return this.batch.host.chartIds(this.sheet.get()).map(
      (id) =>
        new Chart(
          this.batch,
          this.sheet,
          chartBinding(this.batch, this.sheet, () => id, "The chart no longer exists."),
        ),
    );
  }
  protected itemProperties(): string[] {
    return ["name", "chartType", "id", "title", "worksheet"];
  }

  add(type: string, sourceData: Range, seriesBy: string = ChartSeriesBy.auto): Chart {
    const binding = chartBinding(this.batch, this.sheet, () => undefined, "The chart was not added.");
    this.batch.enqueue(() => {
      if (!(sourceData instanceof Range)) {
        fail(ErrorCodes.invalidArgument, "charts.add needs a Range as its source data.");
      }
      if (!(Object.values(ChartSeriesBy) as string[]).includes(seriesBy)) {
        fail(ErrorCodes.invalidArgument, `Unknown ChartSeriesBy "${seriesBy}".`);
      }
      const source = sourceData.place();
      binding.bind(this.batch.host.addChart(this.sheet.get(), checkChartType(type), source, seriesBy));
    });
    return new Chart(this.batch, this.sheet, binding);
  }

  getItem(name: string): Chart {
    return new Chart(this.batch, this.sheet, this.byName(name));
  }

  getItemOrNullObject(name: string): Chart {
    return new Chart(this.batch, this.sheet, this.byName(name), true);
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.batch, () => this.batch.host.chartIds(this.sheet.get()).length);
  }

  private byName(name: string): Binding<number> {
    return chartBinding(
      this.batch,
      this.sheet,
      () => this.batch.host.findChart(this.sheet.get(), name),
      `The chart "${name}" does not exist.`,
    );
  }
}
