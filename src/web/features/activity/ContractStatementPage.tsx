import { type ReactNode, useMemo } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { Stat } from '../../components/Stat.tsx';
import { Loading } from '../../components/Status.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatInt } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { ActivityFrame } from './ActivityFrame.tsx';
import { ActivityProblem } from './ActivityProblem.tsx';
import { countColumn, monthColumn, podColumn, syntheticColumn } from './columns.tsx';
import { csvPounds, formatMonth, formatPoundsAndPence, signedStatementAmounts } from './format.ts';
import { activityPath, type ProviderPageProps, providerActivityPath } from './paths.ts';
import { priceNote, RunLabels } from './RunLabels.tsx';
import type { ContractStatementResponse, StatementLine } from './types.ts';

/**
 * A month of the statement: its lines added up, the deductions as negative amounts (so gross + readmission
 * deduction + marginal rate adjustment = net).
 */
interface MonthTotal {
  readonly month: string;
  readonly activity: number;
  readonly grossValue: number;
  readonly readmissionDeduction: number;
  readonly marginalRateAdjustment: number;
  readonly netValue: number;
}

/** Deductions are negative amounts in every column, on screen and in the CSV: the columns add up to net. */
const MONEY: readonly { key: keyof Omit<MonthTotal, 'month' | 'activity'>; header: string }[] = [
  { key: 'grossValue', header: 'Gross (£)' },
  { key: 'readmissionDeduction', header: 'Readmission deduction (£)' },
  { key: 'marginalRateAdjustment', header: 'Marginal rate adjustment (£)' },
  { key: 'netValue', header: 'Net (£)' },
];

function byMonth(lines: readonly StatementLine[]): MonthTotal[] {
  const totals = new Map<string, MonthTotal>();
  for (const l of lines) {
    const t = totals.get(l.month);
    totals.set(l.month, {
      month: l.month,
      activity: (t?.activity ?? 0) + l.activity,
      grossValue: (t?.grossValue ?? 0) + l.grossValue,
      readmissionDeduction: (t?.readmissionDeduction ?? 0) + l.readmissionDeduction,
      marginalRateAdjustment: (t?.marginalRateAdjustment ?? 0) + l.marginalRateAdjustment,
      netValue: (t?.netValue ?? 0) + l.netValue,
    });
  }
  return [...totals.values()];
}

function moneyColumns<T extends MonthTotal | StatementLine>() {
  return MONEY.map((m) => ({
    key: m.key,
    header: m.header,
    value: (r: T) => csvPounds(r[m.key]),
    render: (r: T) => formatPoundsAndPence(r[m.key]),
    numeric: true,
  }));
}

function StatementContent({
  code,
  data,
}: {
  readonly code: string;
  readonly data: ContractStatementResponse;
}) {
  // Shown signed: the API gives the readmission deduction as the amount deducted (positive).
  const lines = useMemo(() => data.lines.map(signedStatementAmounts), [data.lines]);
  const months = useMemo(() => byMonth(lines), [lines]);
  const year = months.reduce(
    (s, m) => ({
      activity: s.activity + m.activity,
      grossValue: s.grossValue + m.grossValue,
      readmissionDeduction: s.readmissionDeduction + m.readmissionDeduction,
      marginalRateAdjustment: s.marginalRateAdjustment + m.marginalRateAdjustment,
      netValue: s.netValue + m.netValue,
    }),
    { activity: 0, grossValue: 0, readmissionDeduction: 0, marginalRateAdjustment: 0, netValue: 0 },
  );
  const synthetic = syntheticColumn<MonthTotal | StatementLine>(data.synthetic);
  const first = months[0]?.month;
  const last = months.at(-1)?.month;
  return (
    <>
      <RunLabels labels={data} />
      <p data-testid="statement-basis">
        <strong>How the statement adds up.</strong> Gross is the cost of the activity before any deduction.
        Deductions are shown as negative amounts: gross plus the readmission deduction and the marginal rate
        adjustment is net. The activity pages show cost after readmission deductions and before the marginal
        rate adjustment (gross plus the readmission deduction).
      </p>
      <dl className="stats" data-testid="statement-totals">
        <Stat label="Activity" testId="statement-activity">
          {formatInt(year.activity)}
        </Stat>
        <Stat label="Gross" testId="statement-gross">
          {formatPoundsAndPence(year.grossValue)}
        </Stat>
        <Stat label="Readmission deductions" testId="statement-readmission">
          {formatPoundsAndPence(year.readmissionDeduction)}
        </Stat>
        <Stat label="Marginal rate adjustments" testId="statement-mret">
          {formatPoundsAndPence(year.marginalRateAdjustment)}
        </Stat>
        <Stat label="Net" testId="statement-net" tone="ok">
          {formatPoundsAndPence(year.netValue)}
        </Stat>
      </dl>
      <p>
        <Link to={providerActivityPath(code, data.provider)}>
          {data.providerName}’s activity for {code} by specialty
        </Link>
      </p>
      <DataTable<MonthTotal>
        id="statement-by-month"
        rows={months}
        rowKey={(m) => m.month}
        caption="Month by month"
        description={
          <>
            {first && last ? `${formatMonth(first)} to ${formatMonth(last)}. ` : ''}
            {priceNote(data)}
          </>
        }
        csvFilename={csvFilename(`contract-${code}-${data.provider}-statement-by-month`)}
        initialSort={{ key: 'month' }}
        columns={[
          monthColumn(),
          countColumn('activity', 'Activity', (m) => m.activity),
          ...moneyColumns<MonthTotal>(),
          synthetic,
        ]}
      />
      <DataTable<StatementLine>
        id="statement-lines"
        rows={lines}
        rowKey={(l) => `${l.month}|${l.pod}`}
        caption="Statement lines by month and point of delivery"
        description={
          <>
            The marginal rate emergency rule applies to the contract’s emergency activity month by month; the
            readmission deduction is the avoidable share of emergency readmissions within 30 days (an
            illustrative share, standing in for the one a local clinical review would agree).{' '}
            {priceNote(data)}
          </>
        }
        csvFilename={csvFilename(`contract-${code}-${data.provider}-statement-lines`)}
        initialSort={{ key: 'month' }}
        pageSize={60}
        columns={[
          monthColumn(),
          podColumn(),
          countColumn('activity', 'Activity', (l) => l.activity),
          ...moneyColumns<StatementLine>(),
          synthetic,
        ]}
      />
    </>
  );
}

function Statement({ code, provider, asAt }: ProviderPageProps) {
  const state = useApi<ContractStatementResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/contracts/${seg(provider)}/statement`),
  );
  let body: ReactNode;
  if (state.status === 'error')
    body = (
      <ActivityProblem
        error={state.error}
        what={`the contract between ${code} and ${provider}`}
        access="commercial"
        heading="Could not load the contract statement"
      />
    );
  else if (state.status !== 'success') body = <Loading label="Loading the contract statement…" />;
  else body = <StatementContent code={code} data={state.data} />;
  const name = state.status === 'success' ? state.data.providerName : provider;
  return (
    <ActivityFrame
      code={code}
      asAt={asAt}
      title={`Contract statement: ${name}`}
      crumbs={[
        { label: 'Activity and cost', to: activityPath(code) },
        { label: name, to: providerActivityPath(code, provider) },
      ]}
    >
      <p className="lead">
        The contract monitoring (SLAM-style) statement of what CCG {code} pays {name}: activity and money
        month by month and point of delivery, after readmission deductions and the marginal rate emergency
        rule.
      </p>
      {body}
    </ActivityFrame>
  );
}

/** A contract's SLAM-style statement: commercial in confidence, signed-in only. */
export function ContractStatementPage({ code, provider, asAt }: ProviderPageProps) {
  return <RequireSignIn>{() => <Statement code={code} provider={provider} asAt={asAt} />}</RequireSignIn>;
}
