/**
 * How many CCGs break each governance rule, as a bar chart. Loaded on demand with `import()`, so
 * pages without a chart never download ECharts.
 */
import { useMemo } from 'react';
import { HorizontalBarChart } from '../../components/HorizontalBarChart.tsx';
import { formatInt } from '../../lib/format.ts';
import type { RuleTally } from './types.ts';

const ERROR = '#d5281b';
const WARNING = '#ffb81c';

export interface RuleChartProps {
  readonly rules: readonly RuleTally[];
  /** Accessible summary of what the chart shows. */
  readonly label: string;
}

export default function RuleChart({ rules, label }: RuleChartProps) {
  const bars = useMemo(
    () =>
      rules.map((r) => ({
        label: r.ruleId,
        value: r.ccgs,
        color: r.severity === 'error' ? ERROR : WARNING,
        tooltip: `<b>${r.ruleId}</b> (${r.severity})<br/>${formatInt(r.ccgs)} ${r.ccgs === 1 ? 'CCG' : 'CCGs'}<br/><span style="font-size:11px">${r.legalRef}</span>`,
      })),
    [rules],
  );
  return (
    <HorizontalBarChart
      bars={bars}
      label={label}
      className="rule-chart"
      rowHeight={28}
      rightMargin={40}
      monospaceLabels
    />
  );
}
