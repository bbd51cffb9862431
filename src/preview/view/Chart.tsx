/** A workbook chart drawn as plain SVG: columns for column/bar types, lines for line types. */
import type { ChartSnapshot, PreviewWorkbook } from "../host/workbook";
import { parseReference } from "../a1";
import { chartData, niceCeiling } from "./chartData";
import { formatCell } from "../format";

const WIDTH = 520;
const HEIGHT = 260;
const PLOT = { left: 48, right: WIDTH - 12, top: 40, bottom: HEIGHT - 34 };
const COLORS = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47"];
const MAX_CATEGORY_LABELS = 12;
const TICKS = 4;

export interface ChartProps {
  chart: ChartSnapshot;
  workbook: PreviewWorkbook;
}

export function Chart({ chart, workbook }: ChartProps) {
  // The source may live on another sheet ("'Other sheet'!A4:B9").
  const source = parseReference(chart.source);
  const sheet = source?.sheet ?? chart.sheet;
  const data = source && chartData(workbook.values(sheet), source.range, /rows/i.test(chart.seriesBy ?? ""));
  const title = chart.title || chart.name;
  if (!data || data.categories.length === 0) {
    return (
      <figure className="preview-chart" data-testid={`chart-${chart.name}`}>
        <figcaption>{title}</figcaption>
        <p className="preview-note">Nothing to draw from {chart.source}.</p>
      </figure>
    );
  }

  const numbers = data.series.flatMap((series) => series.values.filter((value) => value !== null));
  const low = Math.min(0, ...numbers);
  const top = niceCeiling(Math.max(0, ...numbers));
  const bottom = low < 0 ? -niceCeiling(-low) : 0;
  const y = (value: number) => PLOT.bottom - ((value - bottom) / (top - bottom)) * (PLOT.bottom - PLOT.top);
  const slot = (PLOT.right - PLOT.left) / data.categories.length;
  const x = (index: number) => PLOT.left + slot * (index + 0.5);
  const labelEvery = Math.ceil(data.categories.length / MAX_CATEGORY_LABELS);
  const isLine = /line/i.test(chart.type);
  const barWidth = (slot * 0.8) / data.series.length;
  const ticks = Array.from({ length: TICKS + 1 }, (_, index) => bottom + ((top - bottom) * index) / TICKS);

  return (
    <figure className="preview-chart" data-testid={`chart-${chart.name}`}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <text className="preview-chart-title" x={WIDTH / 2} y={20} textAnchor="middle">
          {title}
        </text>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              className="preview-chart-gridline"
              x1={PLOT.left}
              x2={PLOT.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text x={PLOT.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatCell(tick)}
            </text>
          </g>
        ))}
        {data.categories.map((category, index) =>
          index % labelEvery === 0 ? (
            <text key={index} x={x(index)} y={PLOT.bottom + 16} textAnchor="middle">
              {formatCell(category, workbook.numberFormat(sheet, ...data.categoryCells[index]))}
            </text>
          ) : null,
        )}
        {data.series.map((series, seriesIndex) => {
          const color = COLORS[seriesIndex % COLORS.length];
          if (isLine) {
            const points = series.values
              .map((value, index) => (value === null ? null : `${x(index)},${y(value)}`))
              .filter((point) => point !== null)
              .join(" ");
            return <polyline key={series.name} points={points} fill="none" stroke={color} strokeWidth={2} />;
          }
          return (
            <g key={series.name} fill={color}>
              {series.values.map((value, index) =>
                value === null ? null : (
                  <rect
                    key={index}
                    x={x(index) - (slot * 0.8) / 2 + barWidth * seriesIndex}
                    y={Math.min(y(value), y(0))}
                    width={barWidth}
                    height={Math.abs(y(value) - y(0))}
                  />
                ),
              )}
            </g>
          );
        })}
        <line className="preview-chart-axis" x1={PLOT.left} x2={PLOT.right} y1={y(0)} y2={y(0)} />
      </svg>
      {data.series.length > 1 ? (
        <figcaption className="preview-chart-legend">
          {data.series.map((series, index) => (
            <span key={series.name}>
              <span className="preview-swatch" style={{ background: COLORS[index % COLORS.length] }} />
              {series.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
