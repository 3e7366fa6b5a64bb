import type { ReactNode } from 'react';
import { type CsvCell, downloadCsv } from '../../lib/csv.ts';
import { detailSummary } from './labels.ts';
import type { GovernanceViolation, Severity } from './types.ts';

export function SeverityTag({ severity }: { readonly severity: Severity }) {
  return <span className={`tag tag--${severity}`}>{severity === 'error' ? 'Error' : 'Warning'}</span>;
}

function CheckIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" className="icon">
      <path d="M2.5 8.5 6.3 12 13.5 4.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
    </svg>
  );
}

/** A green line saying a group of checks found nothing. */
export function AllClear({ children }: { readonly children: ReactNode }) {
  return (
    <p className="all-clear">
      <CheckIcon />
      <span>{children}</span>
    </p>
  );
}

/** Governance findings as a list: severity, rule id, message, the "why" from the detail, legal reference. */
export function FindingList({
  findings,
  empty,
  testId,
}: {
  readonly findings: readonly GovernanceViolation[];
  /** Shown (green) when there are none. */
  readonly empty: ReactNode;
  readonly testId?: string;
}) {
  if (findings.length === 0) return <AllClear>{empty}</AllClear>;
  const sorted = findings.toSorted((a, b) =>
    a.severity === b.severity ? a.ruleId.localeCompare(b.ruleId) : a.severity === 'error' ? -1 : 1,
  );
  return (
    <ul className="findings" data-testid={testId}>
      {sorted.map((v, i) => {
        const why = detailSummary(v.detail);
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: two findings may share rule, subject and message
            key={`${v.ruleId}|${v.subjectCode}|${i}`}
            className={`finding finding--${v.severity}`}
            data-rule={v.ruleId}
          >
            <p className="finding__head">
              <SeverityTag severity={v.severity} /> <span className="code finding__rule">{v.ruleId}</span>
            </p>
            <p className="finding__message">{v.message}</p>
            {why && (
              <p className="finding__why">
                <span className="muted">Why: </span>
                {why}
              </p>
            )}
            <p className="finding__ref">{v.legalRef}</p>
          </li>
        );
      })}
    </ul>
  );
}

export const FINDING_CSV_HEADERS = [
  'Area',
  'Rule',
  'Severity',
  'Subject type',
  'Subject',
  'Message',
  'Why',
  'Legal reference',
  'Detail',
] as const;

export function findingCsvRow(area: string, v: GovernanceViolation): CsvCell[] {
  return [
    area,
    v.ruleId,
    v.severity,
    v.subjectType,
    v.subjectCode,
    v.message,
    detailSummary(v.detail),
    v.legalRef,
    v.detail ? JSON.stringify(v.detail) : null,
  ];
}

export function CsvButton({
  label = 'Download CSV',
  disabled,
  onClick,
}: {
  readonly label?: string;
  readonly disabled?: boolean;
  readonly onClick: () => void;
}) {
  return (
    <button type="button" className="button button--secondary" onClick={onClick} disabled={disabled}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="icon">
        <path
          d="M8 1v9m0 0L4.5 6.5M8 10l3.5-3.5M2 12v2.5h12V12"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      {label}
    </button>
  );
}

/** Downloads findings (one area each) as a CSV. */
export function downloadFindings(
  filename: string,
  groups: readonly { readonly area: string; readonly findings: readonly GovernanceViolation[] }[],
): void {
  downloadCsv(
    filename,
    FINDING_CSV_HEADERS,
    groups.flatMap((g) => g.findings.map((v) => findingCsvRow(g.area, v))),
  );
}
