/**
 * A CCG's activity or cost month by month, stacked by point of delivery (ECharts, SVG renderer).
 * Loaded on demand with `import()`, so pages without a chart never download ECharts.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { chartGrid, tooltipSwatch, useEChart } from '../../components/use-echart.ts';
import { formatCompact, formatInt } from '../../lib/format.ts';
import { CHART_FONT } from './chart-font.ts';
import { escapeHtml, formatCompactPounds, formatPounds, formatShortMonth } from './format.ts';
import type { SeriesPoint } from './types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

/** NHS identity colours, one per point of delivery (in the order of the layout's POD list). */
const POD_COLOURS: Readonly<Record<string, string>> = {
  EL: '#005eb8',
  DC: '#41b6e6',
  NEL: '#d5281b',
  MAT: '#ae2573',
  OPFA: '#007f3b',
  OPFU: '#78be20',
  AE: '#ed8b00',
  COM: '#330072',
  MH: '#00a499',
};
const OTHER = '#768692';

export type Measure = 'value' | 'activity';

export interface MonthlyPodChartProps {
  /**
   * The month axis: every month of the run in order, without gaps (the API's `months`), so a month
   * without activity is drawn as zero rather than left out.
   */
  readonly months: readonly string[];
  readonly series: readonly SeriesPoint[];
  /** Names of the points of delivery, by code (codes without a name show as the code). */
  readonly podNames: ReadonlyMap<string, string>;
  readonly measure: Measure;
  /** The month the page shows, shaded. */
  readonly month: string | null;
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

export default function MonthlyPodChart({
  months,
  series,
  podNames,
  measure,
  month,
  label,
}: MonthlyPodChartProps) {
  const pods = useMemo(
    () =>
      [...new Set(series.map((p) => p.pod))].sort(
        (a, b) =>
          Object.keys(POD_COLOURS).indexOf(a) - Object.keys(POD_COLOURS).indexOf(b) || a.localeCompare(b),
      ),
    [series],
  );

  const option = useMemo(() => {
    const amount = (v: number) => (measure === 'value' ? formatPounds(v) : formatInt(v));
    const cell = new Map(series.map((p) => [`${p.month}|${p.pod}`, p[measure]]));
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      legend: { top: 0, data: pods.map((p) => podNames.get(p) ?? p), selectedMode: false },
      grid: chartGrid({ top: 56, right: 16 }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const items = params as { axisValue: string; seriesName: string; value: number; color: string }[];
          const m = items[0]?.axisValue ?? '';
          const total = items.reduce((s, p) => s + (p.value ?? 0), 0);
          const lines = items
            .filter((p) => p.value)
            .map((p) => `${tooltipSwatch(p.color)}${escapeHtml(p.seriesName)}: <b>${amount(p.value)}</b>`);
          return [`<b>${m}</b>: ${amount(total)}`, ...lines].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: months.map(formatShortMonth),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#768692' } },
      },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => (measure === 'value' ? formatCompactPounds(v) : formatCompact(v)),
        },
        splitLine: { lineStyle: { color: '#e8edee' } },
      },
      series: pods.map((pod, i) => ({
        name: podNames.get(pod) ?? pod,
        type: 'bar',
        stack: 'pods',
        barCategoryGap: '30%',
        itemStyle: { color: POD_COLOURS[pod] ?? OTHER },
        data: months.map((m) => cell.get(`${m}|${pod}`) ?? 0),
        // The month on show, shaded behind the bars (once, on the first series).
        ...(i === 0 && month && months.includes(month)
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: 'rgba(0, 94, 184, 0.08)' },
                data: [[{ xAxis: formatShortMonth(month) }, { xAxis: formatShortMonth(month) }]],
              },
            }
          : {}),
      })),
    };
  }, [series, podNames, measure, month, months, pods]);
  const container = useEChart(option);

  return (
    <div
      ref={container}
      className="activity-chart"
      role="img"
      aria-label={label}
      style={{ width: '100%', height: '360px' }}
    />
  );
}
