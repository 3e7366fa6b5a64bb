/**
 * Conditions by criteria domain, as a bar chart (ECharts, SVG renderer). Loaded on demand with
 * `import()`, like the governance rule chart, so pages without a chart never download ECharts.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { formatInt } from '../../lib/format.ts';
import { domainLabel } from './labels.ts';
import type { DomainTally } from './types.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const BAR = '#005eb8';

export interface DomainChartProps {
  readonly domains: readonly DomainTally[];
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

export default function DomainChart({ domains, label }: DomainChartProps) {
  const container = useRef<HTMLDivElement>(null);
  // Domain 1 at the top: a category axis draws its first entry at the bottom.
  const ordered = useMemo(() => domains.toReversed(), [domains]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: {
        left: 8,
        right: 48,
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
          const d = p ? ordered[p.dataIndex] : undefined;
          if (!d) return '';
          return `<b>${domainLabel(d.domain)}</b><br/>${formatInt(d.conditions)} ${d.conditions === 1 ? 'condition' : 'conditions'}`;
        },
      },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e8edee' } } },
      yAxis: {
        type: 'category',
        data: ordered.map((d) => domainLabel(d.domain)),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#768692' } },
        axisLabel: { fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          barCategoryGap: '25%',
          data: ordered.map((d) => ({ value: d.conditions, itemStyle: { color: BAR } })),
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
      style={{ height: `${Math.max(160, 34 * ordered.length + 24)}px` }}
    />
  );
}
