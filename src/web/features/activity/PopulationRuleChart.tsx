/**
 * The CCG's responsible population by Who Pays rule, as bars of patients. Loaded on demand with
 * `import()`, so pages without a chart never download ECharts.
 */
import { useMemo } from 'react';
import { HorizontalBarChart } from '../../components/HorizontalBarChart.tsx';
import { formatInt } from '../../lib/format.ts';
import { escapeHtml } from './format.ts';
import type { PopulationByRule } from './types.ts';

const BAR = '#005eb8';

export interface PopulationRuleChartProps {
  readonly rules: readonly PopulationByRule[];
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

export default function PopulationRuleChart({ rules, label }: PopulationRuleChartProps) {
  const bars = useMemo(
    () =>
      rules.map((r) => ({
        label: r.rule,
        value: r.patients,
        color: BAR,
        tooltip: `<b>${escapeHtml(r.rule)}</b> ${escapeHtml(r.title)}<br/>${formatInt(r.patients)} patients, ${formatInt(r.activity)} activities`,
      })),
    [rules],
  );
  return (
    <HorizontalBarChart
      bars={bars}
      label={label}
      className="rule-chart"
      rowHeight={30}
      rightMargin={56}
      monospaceLabels
    />
  );
}
