import { type FormEvent, useId, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, type FieldError, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { type ApiError, apiUrl, seg, send, toApiError } from '../../lib/api.ts';
import { isIsoDate } from '../../lib/as-at.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt, formatShortDate } from '../../lib/format.ts';
import { signInPath, useLocation } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { useGovernanceAccess } from './access.ts';
import { EntityLabel } from './Entity.tsx';
import { FindingList } from './Findings.tsx';
import { GovernanceLayout, governancePath } from './GovernanceLayout.tsx';
import { capacityLabel, entityText, INTEREST_TYPE_LABELS, interestTypeLabel } from './labels.ts';
import { type OrgChoice, OrgLookup } from './OrgLookup.tsx';
import type {
  DeclarantCapacity,
  DeclaredEntity,
  InterestType,
  InternalDeclaration,
  InternalRegisterResponse,
  NewDeclarationResponse,
  PublicRegisterEntry,
  PublicRegisterResponse,
  RegisterPopulationMember,
} from './types.ts';

type View = 'published' | 'internal';

function ViewSwitch({ code, view }: { readonly code: string; readonly view: View }) {
  const base = governancePath(code, 'register');
  return (
    <nav className="view-switch" aria-label="Which register">
      <Link to={base} aria-current={view === 'published' ? 'page' : undefined}>
        Published register
      </Link>
      <Link to={`${base}?view=internal`} aria-current={view === 'internal' ? 'page' : undefined}>
        Internal register
      </Link>
    </nav>
  );
}

// ---- the published register ----------------------------------------------------------------------

function PublishedRegister({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const state = useApi<PublicRegisterResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/register-of-interests`, { asAt }),
  );
  if (state.status === 'error')
    return <ErrorPanel error={state.error} heading="Could not load the register of interests" />;
  if (state.status !== 'success') return <Loading label="Loading the register of interests…" />;
  const { entries } = state.data;
  const people = new Set(entries.map((e) => e.name)).size;
  return (
    <DataTable<PublicRegisterEntry>
      id="public-register"
      rows={entries}
      rowKey={(e) => e.declarationId}
      caption="Register of interests"
      description={`${formatInt(entries.length)} interests of ${formatInt(people)} people, as published on ${formatDate(asAt)}: interests in force, and those that ended in the last six months.`}
      csvFilename={csvFilename(`ccg-${code}-register-of-interests`, asAt)}
      initialSort={{ key: 'name' }}
      emptyMessage={`No interests are published on ${formatDate(asAt)}.`}
      pageSize={100}
      columns={[
        {
          key: 'name',
          header: 'Name',
          value: (e) => e.name,
          render: (e) => (
            <>
              {e.name} {e.synthetic && <SyntheticBadge />}
              <span className="cell-note">{capacityLabel(e.capacity)}</span>
            </>
          ),
        },
        { key: 'capacity', header: 'Capacity', value: (e) => capacityLabel(e.capacity), csvOnly: true },
        {
          key: 'type',
          header: 'Type of interest',
          value: (e) => interestTypeLabel(e.interestType),
          csvOnly: true,
        },
        {
          key: 'description',
          header: 'Interest',
          value: (e) => e.description,
          render: (e) => (
            <>
              {e.description}
              <span className="cell-note">{interestTypeLabel(e.interestType)} interest</span>
            </>
          ),
          sortable: false,
        },
        {
          key: 'entity',
          header: 'Organisation or company',
          value: (e) => entityText(e.entity),
          render: (e) => <EntityLabel entity={e.entity} asAt={asAt} />,
        },
        {
          key: 'from',
          header: 'From',
          value: (e) => e.startDate,
          nowrap: true,
          render: (e) => formatShortDate(e.startDate),
        },
        {
          key: 'to',
          header: 'To',
          value: (e) => e.endDate,
          nowrap: true,
          render: (e) => (e.endDate ? formatShortDate(e.endDate) : <span className="muted">Current</span>),
        },
        { key: 'id', header: 'Declaration id', value: (e) => e.declarationId, csvOnly: true },
        { key: 'synthetic', header: 'Synthetic', value: (e) => (e.synthetic ? 'Yes' : 'No'), csvOnly: true },
      ]}
    />
  );
}

// ---- declaring an interest ------------------------------------------------------------------------

type EntityKind = 'none' | 'organisation' | 'company';

function DeclareForm({
  code,
  asAt,
  population,
  onDeclared,
}: {
  readonly code: string;
  readonly asAt: string;
  readonly population: readonly RegisterPopulationMember[];
  readonly onDeclared: () => void;
}) {
  const ids = {
    person: useId(),
    type: useId(),
    description: useId(),
    entityKind: useId(),
    org: useId(),
    company: useId(),
    arose: useId(),
    start: useId(),
    end: useId(),
  };
  const [person, setPerson] = useState('');
  const [interestType, setInterestType] = useState<InterestType | ''>('');
  const [description, setDescription] = useState('');
  const [entityKind, setEntityKind] = useState<EntityKind>('organisation');
  const [org, setOrg] = useState<OrgChoice | null>(null);
  const [company, setCompany] = useState('');
  const [aroseOn, setAroseOn] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<NewDeclarationResponse | null>(null);
  const [busy, setBusy] = useState(false);
  // A new key empties the organisation search once an interest has been declared.
  const [lookupKey, setLookupKey] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (person === '') problems.push({ fieldId: ids.person, message: 'Choose who is declaring' });
    if (interestType === '')
      problems.push({ fieldId: `${ids.type}-0`, message: 'Choose the type of interest' });
    if (description.trim().length < 3)
      problems.push({ fieldId: ids.description, message: 'Describe the interest (at least 3 characters)' });
    if (entityKind === 'organisation' && !org)
      problems.push({ fieldId: ids.org, message: 'Find and choose the organisation in the registry' });
    if (entityKind === 'company' && !/^[A-Za-z0-9]{1,8}$/.test(company.trim()))
      problems.push({
        fieldId: ids.company,
        message: 'Enter a Companies House number (up to 8 letters or digits)',
      });
    if (!isIsoDate(aroseOn))
      problems.push({ fieldId: ids.arose, message: 'Enter the date the interest arose' });
    if (!isIsoDate(startDate))
      problems.push({ fieldId: ids.start, message: 'Enter the date the interest started' });
    if (endDate !== '' && !isIsoDate(endDate))
      problems.push({ fieldId: ids.end, message: 'Enter the end date as a full date, or leave it empty' });
    else if (endDate !== '' && isIsoDate(startDate) && endDate < startDate)
      problems.push({ fieldId: ids.end, message: 'The end date must not be before the start date' });
    setInvalid(problems);
    setError(null);
    setDone(null);
    if (problems.length) return;
    const [personId, capacity] = person.split('|') as [string, DeclarantCapacity];
    const entity: DeclaredEntity | null =
      entityKind === 'organisation' && org
        ? { kind: 'organisation', code: org.code }
        : entityKind === 'company'
          ? { kind: 'company', companyNumber: company.trim().toUpperCase() }
          : null;
    setBusy(true);
    try {
      const result = await send<NewDeclarationResponse>('POST', `/api/ccgs/${seg(code)}/declarations`, {
        personId,
        capacity,
        interestType,
        description: description.trim(),
        entity,
        aroseOn,
        startDate,
        endDate: endDate === '' ? null : endDate,
      });
      setDone(result);
      setDescription('');
      setOrg(null);
      setLookupKey((k) => k + 1);
      setCompany('');
      onDeclared();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (id: string) => invalid.find((p) => p.fieldId === id)?.message ?? null;
  const people = population.toSorted((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="card" aria-labelledby="declare-heading" id="declare">
      <h2 id="declare-heading">Declare an interest</h2>
      <p className="muted">
        Declare within 28 days of the interest arising (NHS Act 2006 s14O(3)(b)). Name the organisation or
        company where you can: the meeting check matches interests against agenda items by it.
      </p>
      {done && (
        <Notice
          tone={done.violations.length ? 'warning' : 'success'}
          title={
            done.violations.length
              ? 'The interest has been declared, with findings to act on'
              : 'The interest has been declared'
          }
        >
          <p>
            Entered in the register as <span className="code">{done.declaration.declarationId}</span>.
          </p>
          {done.violations.length > 0 && (
            <FindingList findings={done.violations} empty="" testId="declaration-findings" />
          )}
        </Notice>
      )}
      <ErrorSummary errors={invalid} />
      {error && <ErrorPanel error={error} heading="The interest was not declared" focus />}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="declare-heading">
        <div className={`field${fieldError(ids.person) ? ' field--error' : ''}`}>
          <label htmlFor={ids.person} className="field-label">
            Who is declaring
          </label>
          {fieldError(ids.person) && <p className="field-error">{fieldError(ids.person)}</p>}
          <select
            id={ids.person}
            className="select input--medium"
            value={person}
            onChange={(e) => setPerson(e.target.value)}
          >
            <option value="">Choose a person</option>
            {people.map((p) => (
              <option key={`${p.personId}|${p.capacity}`} value={`${p.personId}|${p.capacity}`}>
                {p.name} ({capacityLabel(p.capacity)})
              </option>
            ))}
          </select>
        </div>
        <fieldset className={`fieldset${fieldError(`${ids.type}-0`) ? ' field field--error' : ''}`}>
          <legend className="field-label">Type of interest</legend>
          {fieldError(`${ids.type}-0`) && <p className="field-error">{fieldError(`${ids.type}-0`)}</p>}
          <div className="choice-row">
            {(Object.keys(INTEREST_TYPE_LABELS) as InterestType[]).map((t, i) => (
              <div className="checkbox" key={t}>
                <input
                  type="radio"
                  id={`${ids.type}-${i}`}
                  name={ids.type}
                  checked={interestType === t}
                  onChange={() => setInterestType(t)}
                />
                <label htmlFor={`${ids.type}-${i}`}>{INTEREST_TYPE_LABELS[t]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className={`field${fieldError(ids.description) ? ' field--error' : ''}`}>
          <label htmlFor={ids.description} className="field-label">
            Description of the interest
          </label>
          <p className="field-hint" id={`${ids.description}-hint`}>
            For example “Director of Northern Health Ltd” or “Spouse is a consultant at the trust”.
          </p>
          {fieldError(ids.description) && <p className="field-error">{fieldError(ids.description)}</p>}
          <textarea
            id={ids.description}
            className="textarea"
            rows={3}
            value={description}
            aria-describedby={`${ids.description}-hint`}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="field-label">What the interest is in</legend>
          <div className="choice-row">
            {(
              [
                ['organisation', 'An organisation in the registry'],
                ['company', 'A company (Companies House number)'],
                ['none', 'Neither'],
              ] as const
            ).map(([kind, text]) => (
              <div className="checkbox" key={kind}>
                <input
                  type="radio"
                  id={`${ids.entityKind}-${kind}`}
                  name={ids.entityKind}
                  checked={entityKind === kind}
                  onChange={() => setEntityKind(kind)}
                />
                <label htmlFor={`${ids.entityKind}-${kind}`}>{text}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {entityKind === 'organisation' && (
          <OrgLookup
            key={lookupKey}
            id={ids.org}
            label="Organisation"
            hint="Type part of the name or the ODS code, then choose from the list."
            asAt={asAt}
            value={org}
            onChange={setOrg}
            error={fieldError(ids.org)}
          />
        )}
        {entityKind === 'company' && (
          <TextField
            id={ids.company}
            label="Companies House number"
            hint="8 characters, e.g. 01234567 or SC123456."
            value={company}
            width="short"
            spellCheck={false}
            autoComplete="off"
            error={fieldError(ids.company)}
            onChange={(e) => setCompany(e.target.value)}
          />
        )}
        <div className="field-row">
          <TextField
            id={ids.arose}
            label="Arose on"
            hint="Or when you became aware of it."
            type="date"
            width="short"
            value={aroseOn}
            error={fieldError(ids.arose)}
            onChange={(e) => setAroseOn(e.target.value)}
          />
          <TextField
            id={ids.start}
            label="Interest from"
            type="date"
            width="short"
            value={startDate}
            error={fieldError(ids.start)}
            onChange={(e) => setStartDate(e.target.value)}
          />
          <TextField
            id={ids.end}
            label="Interest until (optional)"
            hint="Leave empty while it continues."
            type="date"
            width="short"
            value={endDate}
            error={fieldError(ids.end)}
            onChange={(e) => setEndDate(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Declaring…' : 'Declare the interest'}
          </button>
        </div>
      </form>
    </section>
  );
}

// ---- the internal register ------------------------------------------------------------------------

interface PopulationRow extends RegisterPopulationMember {
  readonly interests: number;
  readonly lastDeclared: string | null;
  readonly lastNilReturn: string | null;
}

function NilReturnButton({
  code,
  person,
  onDone,
}: {
  readonly code: string;
  readonly person: RegisterPopulationMember;
  readonly onDone: (message: string, error: ApiError | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const record = async () => {
    setBusy(true);
    try {
      await send('POST', `/api/ccgs/${seg(code)}/nil-returns`, {
        personId: person.personId,
        capacity: person.capacity,
      });
      onDone(`Nil return recorded for ${person.name}.`, null);
    } catch (err) {
      onDone('', toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button button--secondary button--small" onClick={record} disabled={busy}>
      {busy ? 'Recording…' : 'Record nil return'}
      <span className="sr-only"> for {person.name}</span>
    </button>
  );
}

function InternalRegister({
  code,
  asAt,
  write,
}: {
  readonly code: string;
  readonly asAt: string;
  readonly write: boolean;
}) {
  const [reloadKey, setReloadKey] = useState(0);
  const [status, setStatus] = useState<{ message: string; error: ApiError | null } | null>(null);
  const state = useApi<InternalRegisterResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/register-of-interests/internal`, { asAt }),
    { reloadKey },
  );
  if (state.status === 'error') {
    if (state.error.status === 403)
      return (
        <NotPermitted title="You are not permitted to see this CCG’s internal register" error={state.error} />
      );
    return <ErrorPanel error={state.error} heading="Could not load the internal register" />;
  }
  if (state.status !== 'success') return <Loading label="Loading the internal register…" />;
  const data = state.data;
  const late = new Set(
    data.violations.filter((v) => v.subjectType === 'declaration').map((v) => v.subjectCode),
  );
  const rows: PopulationRow[] = data.population
    .filter((p) => p.startDate <= asAt && (p.endDate === null || p.endDate >= asAt))
    .map((p) => {
      const own = data.declarations.filter((d) => d.declarant.personId === p.personId);
      const nils = data.nilReturns.filter((n) => n.personId === p.personId).map((n) => n.returnedOn);
      return {
        ...p,
        interests: own.filter((d) => d.startDate <= asAt && (d.endDate === null || d.endDate >= asAt)).length,
        lastDeclared:
          own
            .map((d) => d.declaredOn)
            .sort()
            .at(-1) ?? null,
        lastNilReturn: nils.sort().at(-1) ?? null,
      };
    });
  const onNilReturn = (message: string, error: ApiError | null) => {
    setStatus({ message, error });
    if (!error) setReloadKey((k) => k + 1);
  };

  return (
    <>
      <section className="card" aria-labelledby="register-findings">
        <h2 id="register-findings">Review findings</h2>
        <p className="muted small">
          Late declarations (28-day rule), missing nil returns and the annual review, on {formatDate(asAt)}.
        </p>
        <FindingList
          findings={data.violations}
          empty="No findings: every declaration was made in time and everyone has declared or made a nil return."
          testId="register-findings-list"
        />
      </section>
      {write && (
        <DeclareForm
          code={code}
          asAt={asAt}
          population={data.population}
          onDeclared={() => setReloadKey((k) => k + 1)}
        />
      )}
      {status && (
        <div aria-live="polite">
          {status.error ? (
            <ErrorPanel error={status.error} heading="The nil return was not recorded" />
          ) : (
            <Notice tone="success">{status.message}</Notice>
          )}
        </div>
      )}
      <DataTable<PopulationRow>
        id="register-population"
        rows={rows}
        rowKey={(r) => `${r.personId}|${r.capacity}`}
        caption="Who must declare"
        description={`Members, governing body and committee members, and employees on ${formatDate(asAt)} (s14O(1)), with their last declaration or nil return on record.`}
        csvFilename={csvFilename(`ccg-${code}-register-population`, asAt)}
        initialSort={{ key: 'name' }}
        emptyMessage="Nobody is recorded as needing to declare."
        columns={[
          { key: 'name', header: 'Name', value: (r) => r.name },
          { key: 'capacity', header: 'Capacity', value: (r) => capacityLabel(r.capacity) },
          {
            key: 'since',
            header: 'Since',
            value: (r) => r.startDate,
            nowrap: true,
            render: (r) => formatShortDate(r.startDate),
          },
          {
            key: 'interests',
            header: 'Interests in force',
            value: (r) => r.interests,
            numeric: true,
          },
          {
            key: 'declared',
            header: 'Last declaration',
            value: (r) => r.lastDeclared,
            nowrap: true,
            render: (r) => formatShortDate(r.lastDeclared, 'None'),
          },
          {
            key: 'nil',
            header: 'Last nil return',
            value: (r) => r.lastNilReturn,
            nowrap: true,
            render: (r) => formatShortDate(r.lastNilReturn, 'None'),
          },
          ...(write
            ? [
                {
                  key: 'action',
                  header: 'Action',
                  value: () => null,
                  sortable: false,
                  screenOnly: true,
                  render: (r: PopulationRow) =>
                    r.interests === 0 ? (
                      <NilReturnButton code={code} person={r} onDone={onNilReturn} />
                    ) : (
                      <span className="muted small">Has interests</span>
                    ),
                },
              ]
            : []),
          { key: 'personId', header: 'Person id', value: (r) => r.personId, csvOnly: true },
        ]}
      />
      <DataTable<InternalDeclaration>
        id="register-declarations"
        rows={data.declarations}
        rowKey={(d) => d.declarationId}
        caption="Every declaration"
        description="Including interests that ended and those not yet published."
        csvFilename={csvFilename(`ccg-${code}-declarations`, asAt)}
        initialSort={{ key: 'declared', direction: 'descending' }}
        pageSize={50}
        columns={[
          {
            key: 'name',
            header: 'Name',
            value: (d) => d.name ?? d.declarant.personId,
            render: (d) => (
              <>
                {d.name ?? d.declarant.personId} {d.synthetic && <SyntheticBadge />}
              </>
            ),
          },
          { key: 'type', header: 'Type', value: (d) => interestTypeLabel(d.interestType), csvOnly: true },
          {
            key: 'description',
            header: 'Interest',
            value: (d) => d.description,
            render: (d) => (
              <>
                {d.description}
                <span className="cell-note">{interestTypeLabel(d.interestType)} interest</span>
              </>
            ),
            sortable: false,
          },
          {
            key: 'entity',
            header: 'Organisation or company',
            value: (d) => entityText(d.entity),
            render: (d) => <EntityLabel entity={d.entity} asAt={asAt} />,
          },
          {
            key: 'arose',
            header: 'Arose',
            value: (d) => d.aroseOn,
            nowrap: true,
            render: (d) => formatShortDate(d.aroseOn),
          },
          {
            key: 'declared',
            header: 'Declared',
            value: (d) => d.declaredOn,
            nowrap: true,
            render: (d) => (
              <>
                {formatShortDate(d.declaredOn)}
                {late.has(d.declarationId) && (
                  <span className="cell-note">
                    <span className="tag tag--error">Late</span>
                  </span>
                )}
              </>
            ),
          },
          {
            key: 'period',
            header: 'In force',
            value: (d) => `${d.startDate} – ${d.endDate ?? ''}`,
            nowrap: true,
            render: (d) => (
              <>
                {formatShortDate(d.startDate)} – {d.endDate ? formatShortDate(d.endDate) : 'current'}
                {d.endDate && d.retainUntil && (
                  <span className="cell-note">Kept until {formatShortDate(d.retainUntil)}</span>
                )}
              </>
            ),
          },
          {
            key: 'published',
            header: 'Published',
            value: (d) => (d.publiclyVisible === undefined ? null : d.publiclyVisible ? 'Yes' : 'No'),
            render: (d) =>
              d.publiclyVisible === undefined ? (
                '—'
              ) : d.publiclyVisible ? (
                <span className="tag tag--current">Published</span>
              ) : (
                <span className="tag tag--ended">Not published</span>
              ),
          },
          { key: 'retain', header: 'Keep until', value: (d) => d.retainUntil ?? null, csvOnly: true },
          { key: 'capacity', header: 'Capacity', value: (d) => d.declarant.capacity, csvOnly: true },
          { key: 'id', header: 'Declaration id', value: (d) => d.declarationId, csvOnly: true },
          {
            key: 'late',
            header: 'Late',
            value: (d) => (late.has(d.declarationId) ? 'Yes' : 'No'),
            csvOnly: true,
          },
          {
            key: 'synthetic',
            header: 'Synthetic',
            value: (d) => (d.synthetic ? 'Yes' : 'No'),
            csvOnly: true,
          },
        ]}
      />
    </>
  );
}

export function RegisterPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const { search, href } = useLocation();
  const access = useGovernanceAccess(code);
  const view: View = search.get('view') === 'internal' ? 'internal' : 'published';
  return (
    <GovernanceLayout code={code} asAt={asAt} tab="register" title="Register of interests">
      <p className="lead">
        The interests of the CCG’s members, governing body and committee members and employees, which the CCG
        must keep and publish (NHS Act 2006 s14O).
      </p>
      <ViewSwitch code={code} view={view} />
      {view === 'published' && <PublishedRegister code={code} asAt={asAt} />}
      {view === 'internal' &&
        (access.loading ? (
          <Loading label="Checking your sign-in…" />
        ) : access.read ? (
          <InternalRegister code={code} asAt={asAt} write={access.write} />
        ) : (
          <Notice
            title={
              access.signedIn ? 'Your roles do not include this CCG' : 'Sign in to see the internal register'
            }
          >
            <p>
              The internal register holds every declaration, nil returns and the review findings. It is open
              to the CCG’s own staff and to the NHS Commissioning Board.{' '}
              {access.signedIn ? (
                <Link to="/account">See your roles</Link>
              ) : (
                <Link to={signInPath(href)}>Sign in</Link>
              )}
              .
            </p>
          </Notice>
        ))}
    </GovernanceLayout>
  );
}
