/**
 * The population pyramid, drawn by ECharts with its SVG renderer. This module (and ECharts) is
 * loaded on demand with `import()`, so pages without a chart never download it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { AGE_BANDS, type PopulationBand } from '../../modules/organisations/model.ts';
import { formatCompact, formatInt } from '../lib/format.ts';
import { niceCeil } from '../lib/scale.ts';
import { chartGrid, tooltipSwatch, useEChart } from './use-echart.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const MALE = '#005eb8';
const FEMALE = '#ae2573';

export interface PyramidChartProps {
  readonly bands: readonly PopulationBand[];
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

function patients(bands: readonly PopulationBand[], sex: 'male' | 'female'): number[] {
  return AGE_BANDS.map((age) =>
    bands.filter((b) => b.sex === sex && b.ageBand === age).reduce((sum, b) => sum + b.patients, 0),
  );
}

export default function PyramidChart({ bands, label }: PyramidChartProps) {
  const option = useMemo(() => {
    const male = patients(bands, 'male');
    const female = patients(bands, 'female');
    const extent = niceCeil(Math.max(1, ...male, ...female));
    return {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      legend: { top: 0, data: ['Male', 'Female'], selectedMode: false },
      grid: chartGrid({ top: 36, right: 20 }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const items = params as { axisValue: string; seriesName: string; value: number; color: string }[];
          const age = items[0]?.axisValue ?? '';
          const lines = items.map(
            (p) => `${tooltipSwatch(p.color)}${p.seriesName}: <b>${formatInt(Math.abs(p.value))}</b>`,
          );
          return [`Age ${age}`, ...lines].join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        min: -extent,
        max: extent,
        axisLabel: { formatter: (v: number) => formatCompact(Math.abs(v)), hideOverlap: true },
        splitLine: { lineStyle: { color: '#e8edee' } },
      },
      yAxis: {
        type: 'category',
        data: [...AGE_BANDS],
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#768692' } },
      },
      series: [
        {
          name: 'Male',
          type: 'bar',
          stack: 'population',
          barCategoryGap: '12%',
          itemStyle: { color: MALE },
          data: male.map((v) => -v),
        },
        {
          name: 'Female',
          type: 'bar',
          stack: 'population',
          barCategoryGap: '12%',
          itemStyle: { color: FEMALE },
          data: female,
        },
      ],
    };
  }, [bands]);
  const container = useEChart(option);

  return <div ref={container} className="pyramid-chart" role="img" aria-label={label} />;
}
