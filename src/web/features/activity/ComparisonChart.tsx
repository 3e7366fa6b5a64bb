/**
 * The month shown against the month before, one pair of bars per row (POD, provider or specialty),
 * largest first (ECharts, SVG renderer). Loaded on demand with `import()`.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { chartGrid, useEChart } from '../../components/use-echart.ts';
import { CHART_FONT } from './chart-font.ts';
import { escapeHtml, formatChange, formatCompactPounds, formatPounds, formatShortMonth } from './format.ts';
import type { MonthComparison } from './types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const CURRENT = '#005eb8';
const PREVIOUS = '#aeb7bd';
const ROW_HEIGHT = 40;

export interface ComparisonChartProps {
  /** In display order, top to bottom. */
  readonly rows: readonly MonthComparison[];
  readonly month: string;
  /** The calendar month before; null for the first month of the run: only the month's own bars are drawn. */
  readonly previousMonth: string | null;
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

export default function ComparisonChart({ rows, month, previousMonth, label }: ComparisonChartProps) {
  // A category axis draws its first entry at the bottom: reverse so the first row is on top.
  const ordered = useMemo(() => rows.toReversed(), [rows]);

  const option = useMemo(() => {
    const current = formatShortMonth(month);
    const previous = previousMonth ? formatShortMonth(previousMonth) : null;
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      legend: { top: 0, selectedMode: false },
      grid: chartGrid({ top: 32, right: 72 }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const [p] = params as { dataIndex: number }[];
          const row = p ? ordered[p.dataIndex] : undefined;
          if (!row) return '';
          const lines = [`<b>${escapeHtml(row.name)}</b>`, `${current}: ${formatPounds(row.value)}`];
          if (previous) {
            lines.push(`${previous}: ${formatPounds(row.previousValue)}`);
            lines.push(`Change: ${formatChange(row.value, row.previousValue, true)}`);
          }
          return lines.join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatCompactPounds(v), hideOverlap: true },
        splitLine: { lineStyle: { color: '#e8edee' } },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => (r.name.length > 34 ? `${r.name.slice(0, 33)}…` : r.name)),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#768692' } },
        axisLabel: { fontSize: 12 },
      },
      series: [
        ...(previous
          ? [
              {
                name: previous,
                type: 'bar',
                barGap: '10%',
                barCategoryGap: '30%',
                itemStyle: { color: PREVIOUS },
                data: ordered.map((r) => r.previousValue),
              },
            ]
          : []),
        {
          name: current,
          type: 'bar',
          barGap: '10%',
          barCategoryGap: '30%',
          itemStyle: { color: CURRENT },
          data: ordered.map((r) => r.value),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatCompactPounds(p.value),
          },
        },
      ],
    };
  }, [ordered, month, previousMonth]);
  const container = useEChart(option);

  return (
    <div
      ref={container}
      className="activity-chart"
      role="img"
      aria-label={label}
      style={{ width: '100%', height: `${Math.max(180, ROW_HEIGHT * ordered.length + 48)}px` }}
    />
  );
}
