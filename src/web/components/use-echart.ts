/**
 * An ECharts chart (SVG renderer) drawn into a `<div>`: drawn again whenever `option` changes (memoise
 * it), resized with its box, disposed with the component. Import it only from modules that pages load
 * with `import()`, so pages without a chart never download ECharts; each chart registers its own
 * series and components with `echarts.use`.
 */
import * as echarts from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';

export function useEChart(option: echarts.EChartsCoreOption): RefObject<HTMLDivElement | null> {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return container;
}

/** The plot area: fixed margins, with the axis labels kept inside the box. */
export function chartGrid(margins: { readonly top: number; readonly right: number }) {
  return {
    left: 8,
    bottom: 8,
    ...margins,
    outerBoundsMode: 'same',
    outerBoundsContain: 'axisLabel',
  } as const;
}

/** The coloured square before each series in a tooltip line. */
export function tooltipSwatch(color: string): string {
  return `<span style="display:inline-block;width:10px;height:10px;border-radius:2px;background:${color};margin-right:6px"></span>`;
}
