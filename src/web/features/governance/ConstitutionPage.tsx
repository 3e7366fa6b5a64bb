import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { FactList } from '../../components/FactList.tsx';
import { TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { type ApiError, apiUrl, seg, send, toApiError } from '../../lib/api.ts';
import { isIsoDate, withAsAt } from '../../lib/as-at.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatDateTime, formatInt, formatShortDate, localIsoDate } from '../../lib/format.ts';
import { navigate } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { useGovernanceAccess } from './access.ts';
import { FindingList } from './Findings.tsx';
import { GovernanceLayout, governancePath } from './GovernanceLayout.tsx';
import { fallbackLabel, quorumWords } from './labels.ts';
import type {
  ConstitutionContent,
  ConstitutionResponse,
  ConstitutionVersion,
  ConstitutionVersionsResponse,
  VariationResponse,
} from './types.ts';

/** A link to a page as at another date (the ordinary Link keeps the current date). */
function AsAtLink({
  to,
  asAt,
  children,
}: {
  readonly to: string;
  readonly asAt: string;
  readonly children: ReactNode;
}) {
  const href = withAsAt(to, asAt);
  return (
    <a
      href={href}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

function VersionStatus({ status }: { readonly status: ConstitutionVersion['status'] }) {
  const tone = { approved: 'current', submitted: 'pending', rejected: 'error', draft: 'ended' }[status];
  const label = {
    approved: 'Approved',
    submitted: 'Awaiting the Board',
    rejected: 'Rejected',
    draft: 'Draft',
  }[status];
  return <span className={`tag tag--${tone}`}>{label}</span>;
}

function Section({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <section className="constitution__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Text as paragraphs (blank lines separate them). */
function Prose({ text }: { readonly text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) return <p className="muted">Not set out.</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
        <p key={i} className="prose">
          {p}
        </p>
      ))}
    </>
  );
}

function ReadableConstitution({ data }: { readonly data: ConstitutionResponse }) {
  const v = data.constitution;
  const c = v.content;
  const dm = c.decisionMaking;
  return (
    <article className="card constitution" aria-label={`Constitution of ${c.name}`}>
      <FactList
        facts={[
          { label: 'Name', value: <strong>{c.name}</strong> },
          { label: 'Version', value: `Version ${v.version}` },
          { label: 'In force from', value: formatDate(v.effectiveFrom) },
          {
            label: 'Board approval',
            value:
              v.status === 'approved' && v.decidedAt ? (
                <>
                  Approved by the NHS Commissioning Board on {formatDateTime(v.decidedAt)}
                  {v.decidedBy ? ` (${v.decidedBy})` : ''}
                  {v.decisionNote && <span className="cell-note">{v.decisionNote}</span>}
                </>
              ) : (
                <>
                  Approved{' '}
                  <span className="muted small">
                    {v.synthetic ? '(demo version: no decision is recorded)' : '(no decision record)'}
                  </span>
                </>
              ),
          },
        ]}
      />
      <Section id="con-area" title="The area">
        <Prose text={c.area} />
      </Section>
      <Section id="con-members" title="The members">
        <p>
          {formatInt(c.members.length)} member practices hold the CCG’s membership (NHS Act 2006 s14A and Sch
          1A):
        </p>
        <ul className="columns-list" data-testid="constitution-members">
          {c.members.map((code) => (
            <li key={code} className="columns-list__item">
              <Link to={`/practice/${seg(code)}`}>{data.memberNames[code] ?? code}</Link>{' '}
              <span className="muted small code">{code}</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="con-decisions" title="How decisions are made">
        <h3>Scheme of reservation and delegation</h3>
        {dm.schemeOfReservationAndDelegation.length === 0 ? (
          <p className="muted">Not set out.</p>
        ) : (
          <ul className="prose-list">
            {dm.schemeOfReservationAndDelegation.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
        <h3>Quorum of the governing body</h3>
        <p>
          {dm.governingBodyQuorum
            ? `${quorumWords(dm.governingBodyQuorum)}. If a meeting is inquorate: ${fallbackLabel(dm.governingBodyQuorum.fallback).toLowerCase()}.`
            : 'Not set out.'}
        </p>
        <h3>Committees</h3>
        {dm.committees.length === 0 ? (
          <p className="muted">No committees are set out.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption className="sr-only">Committees and their quorums</caption>
              <thead>
                <tr>
                  <th scope="col">Committee</th>
                  <th scope="col">Quorum</th>
                  <th scope="col">If inquorate</th>
                </tr>
              </thead>
              <tbody>
                {dm.committees.map((k) => (
                  <tr key={k.name}>
                    <td>{k.name}</td>
                    <td>{quorumWords(k.quorum)}</td>
                    <td>{fallbackLabel(k.quorum.fallback)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section id="con-conflicts" title="Conflicts of interest">
        <Prose text={c.conflictsOfInterest} />
      </Section>
      <Section id="con-transparency" title="Transparency">
        <Prose text={c.transparency} />
      </Section>
      <Section id="con-involvement" title="Public involvement">
        <Prose text={c.publicInvolvement} />
      </Section>
    </article>
  );
}

/** When nothing is in force on the date, finds the latest approved version to point to. */
function NoneInForce({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const today = localIsoDate();
  const latest = useApi<ConstitutionResponse>(apiUrl(`/api/ccgs/${seg(code)}/constitution`, { asAt: today }));
  const later =
    latest.status === 'success' && latest.data.constitution.effectiveFrom > asAt
      ? latest.data.constitution.effectiveFrom
      : null;
  return (
    <Notice title={`No approved constitution is in force on ${formatDate(asAt)}`}>
      <p>
        A constitution, and every variation of it, takes effect only once the NHS Commissioning Board approves
        it (NHS Act 2006 s14E).
        {later && (
          <>
            {' '}
            The first approved version takes effect on {formatDate(later)}:{' '}
            <AsAtLink to={governancePath(code, 'constitution')} asAt={later}>
              read the constitution as at {formatDate(later)}
            </AsAtLink>
            .
          </>
        )}
      </p>
    </Notice>
  );
}

// ---- versions, the Board's decisions and proposing a variation ----------------------------------

function Decide({
  code,
  version,
  onDecided,
}: {
  readonly code: string;
  readonly version: ConstitutionVersion;
  readonly onDecided: (text: string) => void;
}) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (approve: boolean) => {
    if (note.trim() === '') {
      setNoteError('Enter the reason for the decision: it is recorded with it');
      document.getElementById(noteId)?.focus();
      return;
    }
    setNoteError(null);
    setBusy(true);
    setError(null);
    try {
      await send('POST', `/api/ccgs/${seg(code)}/constitution/variations/${version.version}/decision`, {
        approve,
        note: note.trim(),
      });
      onDecided(`Version ${version.version} ${approve ? 'approved' : 'rejected'}.`);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };
  return (
    <div className="decision" data-testid={`decide-${version.version}`}>
      <p>
        <strong>Version {version.version}</strong>, to take effect on {formatDate(version.effectiveFrom)},
        submitted {formatDateTime(version.submittedAt)}.
      </p>
      {error && <ErrorPanel error={error} />}
      <div className={`field${noteError ? ' field--error' : ''}`}>
        <label htmlFor={noteId} className="field-label">
          The Board’s reason
        </label>
        {noteError && (
          <p className="field-error" id={`${noteId}-error`} role="alert">
            <span className="sr-only">Error: </span>
            {noteError}
          </p>
        )}
        <textarea
          id={noteId}
          className="textarea"
          rows={2}
          value={note}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${noteId}-error` : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => decide(true)} disabled={busy}>
          Approve version {version.version}
        </button>
        <button
          type="button"
          className="button button--secondary button--danger"
          onClick={() => decide(false)}
          disabled={busy}
        >
          Reject version {version.version}
        </button>
      </div>
    </div>
  );
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function ProposeVariation({
  code,
  base,
  onProposed,
}: {
  readonly code: string;
  readonly base: ConstitutionContent;
  readonly onProposed: (result: VariationResponse) => void;
}) {
  const ids = { effective: useId() };
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [name, setName] = useState(base.name);
  const [area, setArea] = useState(base.area);
  const [members, setMembers] = useState(base.members.join('\n'));
  const [scheme, setScheme] = useState(base.decisionMaking.schemeOfReservationAndDelegation.join('\n'));
  const [conflicts, setConflicts] = useState(base.conflictsOfInterest);
  const [transparency, setTransparency] = useState(base.transparency);
  const [involvement, setInvolvement] = useState(base.publicInvolvement);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [dateError, setDateError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(effectiveFrom)) {
      setDateError('Enter the date the variation is to take effect');
      document.getElementById(ids.effective)?.focus();
      return;
    }
    setDateError(null);
    setBusy(true);
    setError(null);
    try {
      const content: ConstitutionContent = {
        name: name.trim(),
        area: area.trim(),
        members: lines(members).map((m) => m.toUpperCase()),
        decisionMaking: {
          ...base.decisionMaking,
          schemeOfReservationAndDelegation: lines(scheme),
        },
        conflictsOfInterest: conflicts.trim(),
        transparency: transparency.trim(),
        publicInvolvement: involvement.trim(),
      };
      onProposed(
        await send<VariationResponse>('POST', `/api/ccgs/${seg(code)}/constitution/variations`, {
          effectiveFrom,
          content,
        }),
      );
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const textArea = (label: string, value: string, set: (v: string) => void, rows = 4, hint?: string) => (
    <TextArea label={label} value={value} onChange={set} rows={rows} hint={hint} />
  );
  return (
    <section className="card" aria-labelledby="variation-heading" id="variation">
      <h2 id="variation-heading">Propose a variation</h2>
      <p className="muted small">
        Starts from the version in force. The Board must approve a variation before it takes effect; a
        variation that leaves out anything Schedule 1A requires is refused. Committees and quorums are carried
        over unchanged.
      </p>
      {!open && (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Start a variation
        </button>
      )}
      {error && <ErrorPanel error={error} heading="The variation was not submitted" focus />}
      {open && (
        <form className="form" onSubmit={submit} noValidate aria-labelledby="variation-heading">
          <TextField
            id={ids.effective}
            label="To take effect on"
            type="date"
            width="short"
            value={effectiveFrom}
            error={dateError}
            onChange={(e) => setEffectiveFrom(e.target.value)}
          />
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} />
          {textArea('The area', area, setArea, 2)}
          {textArea('Member practices', members, setMembers, 6, 'One ODS practice code per line.')}
          {textArea(
            'Scheme of reservation and delegation',
            scheme,
            setScheme,
            6,
            'One reservation or delegation per line.',
          )}
          {textArea('Conflicts of interest arrangements', conflicts, setConflicts)}
          {textArea('Transparency arrangements', transparency, setTransparency)}
          {textArea('Public involvement arrangements', involvement, setInvolvement)}
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Submitting…' : 'Submit to the Board'}
            </button>
            <button type="button" className="button button--link" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function TextArea({
  label,
  value,
  onChange,
  rows,
  hint,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly rows: number;
  readonly hint?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        className="textarea"
        rows={rows}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function Versions({
  code,
  write,
  board,
  current,
}: {
  readonly code: string;
  readonly write: boolean;
  readonly board: boolean;
  readonly current: ConstitutionContent | null;
}) {
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState<ReactNode>(null);
  const state = useApi<ConstitutionVersionsResponse>(`/api/ccgs/${seg(code)}/constitution/versions`, {
    reloadKey,
  });
  if (state.status === 'error') {
    if (state.error.status === 403)
      return (
        <NotPermitted
          title="You are not permitted to see this CCG’s constitution versions"
          error={state.error}
        />
      );
    return <ErrorPanel error={state.error} heading="Could not load the constitution versions" />;
  }
  if (state.status !== 'success') return <Loading label="Loading versions…" />;
  const versions = state.data.versions;
  const submitted = versions.filter((v) => v.status === 'submitted');
  const latestApproved = versions
    .filter((v) => v.status === 'approved')
    .toSorted((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
  const base = current ?? latestApproved?.content ?? null;
  const reload = (message: ReactNode) => {
    setNotice(message);
    setReloadKey((k) => k + 1);
  };
  return (
    <>
      {notice}
      <DataTable<ConstitutionVersion>
        id="constitution-versions"
        rows={versions}
        rowKey={(v) => String(v.version)}
        caption="Versions"
        description="Every version of the constitution, with the Board’s decision on each variation."
        csvFilename={csvFilename(`ccg-${code}-constitution-versions`)}
        initialSort={{ key: 'version', direction: 'descending' }}
        columns={[
          {
            key: 'version',
            header: 'Version',
            value: (v) => v.version,
            nowrap: true,
            render: (v) => (
              <>
                Version {v.version} {v.synthetic && <SyntheticBadge />}
              </>
            ),
          },
          {
            key: 'status',
            header: 'Status',
            value: (v) => v.status,
            render: (v) => <VersionStatus status={v.status} />,
          },
          {
            key: 'effective',
            header: 'Takes effect',
            value: (v) => v.effectiveFrom,
            nowrap: true,
            render: (v) => (
              <AsAtLink to={governancePath(code, 'constitution')} asAt={v.effectiveFrom}>
                {formatShortDate(v.effectiveFrom)}
              </AsAtLink>
            ),
          },
          {
            key: 'submitted',
            header: 'Submitted',
            value: (v) => v.submittedAt,
            nowrap: true,
            render: (v) => formatShortDate(v.submittedAt),
          },
          {
            key: 'decided',
            header: 'Board decision',
            value: (v) => [v.decidedAt, v.decidedBy].filter(Boolean).join(' ') || null,
            render: (v) =>
              v.decidedAt ? (
                <>
                  {formatShortDate(v.decidedAt)}{' '}
                  {v.decidedBy && <span className="muted small">by {v.decidedBy}</span>}
                  {v.decisionNote && <span className="cell-note">{v.decisionNote}</span>}
                </>
              ) : (
                <span className="muted">—</span>
              ),
            sortable: false,
          },
        ]}
      />
      {submitted.length > 0 && (
        <section className="card" aria-labelledby="decisions-heading">
          <h2 id="decisions-heading">Awaiting the Board’s decision</h2>
          {board ? (
            submitted.map((v) => (
              <Decide
                key={v.version}
                code={code}
                version={v}
                onDecided={(text) =>
                  reload(
                    <Notice tone="success" title="Decision recorded">
                      <p>{text}</p>
                    </Notice>,
                  )
                }
              />
            ))
          ) : (
            <p>
              {submitted.map((v) => `Version ${v.version}`).join(', ')} awaits the NHS Commissioning Board’s
              decision. It takes effect only once approved.
            </p>
          )}
        </section>
      )}
      {write && submitted.length === 0 && base && (
        <ProposeVariation
          key={reloadKey}
          code={code}
          base={base}
          onProposed={(result) =>
            reload(
              <Notice tone="success" title={`Version ${result.version.version} submitted to the Board`}>
                <p>
                  It takes effect on {formatDate(result.version.effectiveFrom)} once the Board approves it.
                </p>
                {result.warnings.length > 0 && <FindingList findings={result.warnings} empty="" />}
              </Notice>,
            )
          }
        />
      )}
      {write && submitted.length === 0 && !base && (
        <Notice>
          <p>There is no approved version to vary yet.</p>
        </Notice>
      )}
    </>
  );
}

export function ConstitutionPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const access = useGovernanceAccess(code);
  const state = useApi<ConstitutionResponse>(apiUrl(`/api/ccgs/${seg(code)}/constitution`, { asAt }));
  let body: ReactNode;
  if (state.status === 'error')
    body =
      state.error.status === 404 ? (
        <NoneInForce code={code} asAt={asAt} />
      ) : (
        <ErrorPanel error={state.error} heading="Could not load the constitution" />
      );
  else if (state.status !== 'success') body = <Loading label="Loading the constitution…" />;
  else body = <ReadableConstitution data={state.data} />;
  const synthetic = state.status === 'success' && state.data.constitution.synthetic;
  return (
    <GovernanceLayout
      code={code}
      asAt={asAt}
      tab="constitution"
      title="Constitution"
      badge={synthetic ? <SyntheticBadge /> : undefined}
    >
      <p className="lead">
        The CCG’s constitution in force on {formatDate(asAt)}: its members, area, how it makes decisions and
        manages conflicts of interest, and how it involves the public (NHS Act 2006 s14L and Sch 1A).
      </p>
      {body}
      {!access.loading && (access.read || access.board) && (
        <Versions
          code={code}
          write={access.write}
          board={access.board}
          current={state.status === 'success' ? state.data.constitution.content : null}
        />
      )}
    </GovernanceLayout>
  );
}
