/** The activity charts, each loaded on demand with `import()` so pages without a chart never download ECharts. */
import { lazy } from 'react';

export const MonthlyPodChart = lazy(() => import('./MonthlyPodChart.tsx'));
export const ComparisonChart = lazy(() => import('./ComparisonChart.tsx'));
export const PopulationRuleChart = lazy(() => import('./PopulationRuleChart.tsx'));
