/**
 * How many CCGs break each governance rule, as a bar chart (ECharts, SVG renderer). Loaded on demand
 * with `import()`, like the population pyramid, so pages without a chart never download ECharts.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { formatInt } from '../../lib/format.ts';
import type { RuleTally } from './types.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const ERROR = '#d5281b';
const WARNING = '#ffb81c';

export interface RuleChartProps {
  readonly rules: readonly RuleTally[];
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

export default function RuleChart({ rules, label }: RuleChartProps) {
  const container = useRef<HTMLDivElement>(null);
  // Most-broken rule at the top: a category axis draws its first entry at the bottom.
  const ordered = useMemo(() => rules.toReversed(), [rules]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: {
        left: 8,
        right: 40,
        top: 8,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const [p] = params as { dataIndex: number }[];
          const r = p ? ordered[p.dataIndex] : undefined;
          if (!r) return '';
          return `<b>${r.ruleId}</b> (${r.severity})<br/>${formatInt(r.ccgs)} ${r.ccgs === 1 ? 'CCG' : 'CCGs'}<br/><span style="font-size:11px">${r.legalRef}</span>`;
        },
      },
      xAxis: {
        type: 'value',
        minInterval: 1,
        splitLine: { lineStyle: { color: '#e8edee' } },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.ruleId),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#768692' } },
        axisLabel: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 11 },
      },
      series: [
        {
          type: 'bar',
          barCategoryGap: '25%',
          data: ordered.map((r) => ({
            value: r.ccgs,
            itemStyle: { color: r.severity === 'error' ? ERROR : WARNING },
          })),
          label: { show: true, position: 'right', formatter: (p: { value: number }) => formatInt(p.value) },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [ordered]);

  return (
    <div
      ref={container}
      className="rule-chart"
      role="img"
      aria-label={label}
      style={{ height: `${Math.max(160, 28 * ordered.length + 24)}px` }}
    />
  );
}
