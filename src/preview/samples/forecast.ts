/** "Interval forecast": contacts and handle time per quarter-hour of one day, for staffing. */
import type { ChartSnapshot, PreviewCell } from "../host/workbook";
import { INTERVAL_FORECAST } from "./names";
import { createRandom } from "./random";
import { tableSheet } from "./table";

const SEED = 0x0f0c;
const INTERVALS = 96;
const PEAK_VOLUME = 120;

/** Daily shape: a late-morning peak, a smaller afternoon one, an evening shoulder, a quiet night. */
const PEAKS = [
  { hour: 10.5, width: 1.8, height: 1 },
  { hour: 14.5, width: 1.9, height: 0.85 },
  { hour: 19, width: 1.6, height: 0.35 },
];
const NIGHT_LEVEL = 0.01;

function profile(hour: number): number {
  return PEAKS.reduce(
    (sum, peak) => sum + peak.height * Math.exp(-0.5 * ((hour - peak.hour) / peak.width) ** 2),
    NIGHT_LEVEL,
  );
}

export function intervalForecast() {
  const random = createRandom(SEED);
  const hours = Array.from({ length: INTERVALS }, (_, index) => index / 4);
  const top = Math.max(...hours.map(profile));
  const rows: PreviewCell[][] = hours.map((hour) => {
    const label = `${String(Math.floor(hour)).padStart(2, "0")}:${String((hour % 1) * 60).padStart(2, "0")}`;
    const volume = Math.max(
      0,
      Math.round((PEAK_VOLUME * profile(hour) * (1 + 0.06 * random.normal())) / top),
    );
    // Night contacts run longer (fewer, harder cases); the busy day is quicker.
    const aht = 330 + 45 * Math.cos((2 * Math.PI * (hour - 3)) / 24) + 15 * random.normal();
    return [label, volume, Math.min(420, Math.max(240, Math.round(aht)))];
  });
  const { sheet, table, columns } = INTERVAL_FORECAST;
  return tableSheet(
    sheet,
    table,
    [
      { header: columns.interval, width: 60 },
      { header: columns.volume, numberFormat: "#,##0", width: 60 },
      { header: columns.aht, numberFormat: "#,##0", width: 65 },
    ],
    rows,
  );
}

export function intervalForecastChart(): ChartSnapshot {
  return {
    sheet: INTERVAL_FORECAST.sheet,
    name: "VolumeByInterval",
    type: "Line",
    title: "Forecast contacts per quarter-hour",
    source: `A1:B${INTERVALS + 1}`,
  };
}
