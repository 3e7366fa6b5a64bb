/**
 * A horizontal bar chart (ECharts, SVG renderer), one bar per row, first row at the top. Import it
 * only from modules that pages load with `import()`, so pages without a chart never download ECharts.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { formatInt } from '../lib/format.ts';
import { chartGrid, useEChart } from './use-echart.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly color: string;
  /** Tooltip content (HTML) for the bar. */
  readonly tooltip: string;
}

export interface HorizontalBarChartProps {
  /** In display order, top to bottom. */
  readonly bars: readonly Bar[];
  /** Accessible summary of what the chart shows. */
  readonly label: string;
  readonly className: string;
  /** Pixels per bar row. */
  readonly rowHeight: number;
  /** Space kept right of the longest bar for its value label. */
  readonly rightMargin: number;
  /** Category labels in a monospace font (codes such as rule ids). */
  readonly monospaceLabels?: boolean;
}

export function HorizontalBarChart({
  bars,
  label,
  className,
  rowHeight,
  rightMargin,
  monospaceLabels,
}: HorizontalBarChartProps) {
  // A category axis draws its first entry at the bottom: reverse so the first bar is on top.
  const ordered = useMemo(() => bars.toReversed(), [bars]);
  const option = useMemo(
    () => ({
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: chartGrid({ top: 8, right: rightMargin }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const [p] = params as { dataIndex: number }[];
          return (p && ordered[p.dataIndex]?.tooltip) ?? '';
        },
      },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e8edee' } } },
      yAxis: {
        type: 'category',
        data: ordered.map((b) => b.label),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#768692' } },
        axisLabel: monospaceLabels
          ? { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 11 }
          : { fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          barCategoryGap: '25%',
          data: ordered.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
          label: { show: true, position: 'right', formatter: (p: { value: number }) => formatInt(p.value) },
        },
      ],
    }),
    [ordered, rightMargin, monospaceLabels],
  );
  const container = useEChart(option);

  return (
    <div
      ref={container}
      className={className}
      role="img"
      aria-label={label}
      style={{ height: `${Math.max(160, rowHeight * ordered.length + 24)}px` }}
    />
  );
}
