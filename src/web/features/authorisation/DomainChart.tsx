/**
 * Conditions by criteria domain, as a bar chart. Loaded on demand with `import()`, so pages without a
 * chart never download ECharts.
 */
import { useMemo } from 'react';
import { HorizontalBarChart } from '../../components/HorizontalBarChart.tsx';
import { formatInt } from '../../lib/format.ts';
import { domainLabel } from './labels.ts';
import type { DomainTally } from './types.ts';

const BAR = '#005eb8';

export interface DomainChartProps {
  readonly domains: readonly DomainTally[];
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

export default function DomainChart({ domains, label }: DomainChartProps) {
  const bars = useMemo(
    () =>
      domains.map((d) => ({
        label: domainLabel(d.domain),
        value: d.conditions,
        color: BAR,
        tooltip: `<b>${domainLabel(d.domain)}</b><br/>${formatInt(d.conditions)} ${d.conditions === 1 ? 'condition' : 'conditions'}`,
      })),
    [domains],
  );
  return (
    <HorizontalBarChart bars={bars} label={label} className="rule-chart" rowHeight={34} rightMargin={48} />
  );
}
