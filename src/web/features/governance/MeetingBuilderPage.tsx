import { type FormEvent, useEffect, useId, useState } from 'react';
import { ErrorSummary, type FieldError, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { type ApiError, apiUrl, seg, send, toApiError } from '../../lib/api.ts';
import { isIsoDate, withAsAt } from '../../lib/as-at.ts';
import { formatDate } from '../../lib/format.ts';
import { navigate } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { useGovernanceAccess } from './access.ts';
import { EntityLabel } from './Entity.tsx';
import { GovernanceLayout, governancePath } from './GovernanceLayout.tsx';
import {
  BODY_LABELS,
  CATEGORY_LABELS,
  capacityLabel,
  categoriesForRoles,
  categoryLabel,
  entityText,
  FALLBACK_LABELS,
  roleLabel,
} from './labels.ts';
import { meetingPath } from './MeetingsPage.tsx';
import { type OrgChoice, OrgLookup } from './OrgLookup.tsx';
import type {
  AttendeeCategory,
  ConstitutionResponse,
  EntityRef,
  GoverningBodyResponse,
  InternalRegisterResponse,
  Meeting,
  MeetingBody,
  NewMeetingBody,
  QuorumFallback,
  QuorumRule,
} from './types.ts';

const CATEGORIES = Object.keys(CATEGORY_LABELS) as AttendeeCategory[];
const BODIES = Object.keys(BODY_LABELS) as MeetingBody[];
const FALLBACKS = Object.keys(FALLBACK_LABELS) as QuorumFallback[];

interface Person {
  readonly personId: string;
  readonly name: string;
  /** What they are: governing body roles, or their register capacity. */
  readonly description: string;
  readonly governingBody: boolean;
  readonly defaultCategories: readonly AttendeeCategory[];
}

interface Attendance {
  readonly attending: boolean;
  readonly voting: boolean;
  readonly categories: readonly AttendeeCategory[];
}

interface QuorumDraft {
  readonly minimumMembers: string;
  readonly requiredRoles: readonly {
    readonly key: number;
    readonly category: AttendeeCategory;
    readonly minimum: string;
  }[];
  readonly fallback: QuorumFallback;
}

interface ItemDraft {
  readonly key: number;
  readonly title: string;
  readonly decision: boolean;
  /** `meeting`: as the meeting. */
  readonly part: 'meeting' | 'public' | 'private';
  readonly privateReason: string;
  readonly entities: readonly EntityRef[];
}

let nextKey = 1;

const DEFAULT_QUORUM: QuorumDraft = { minimumMembers: '3', requiredRoles: [], fallback: 'defer' };

function toDraft(rule: QuorumRule): QuorumDraft {
  return {
    minimumMembers: String(rule.minimumMembers),
    requiredRoles: rule.requiredRoles.map((r) => ({
      key: nextKey++,
      category: r.category,
      minimum: String(r.minimum),
    })),
    fallback: rule.fallback,
  };
}

/** The constitution's quorum rule for the body: the governing body's, or the committee's by name. */
function constitutionQuorum(c: ConstitutionResponse | null, body: MeetingBody): QuorumRule | null {
  if (!c) return null;
  const dm = c.constitution.content.decisionMaking;
  if (body === 'governing_body') return dm.governingBodyQuorum;
  const word =
    body === 'audit_committee' ? /audit/i : body === 'remuneration_committee' ? /remuneration/i : null;
  return (word && dm.committees.find((k) => word.test(k.name))?.quorum) ?? null;
}

const newItem = (): ItemDraft => ({
  key: nextKey++,
  title: '',
  decision: false,
  part: 'meeting',
  privateReason: '',
  entities: [],
});

// ---- adding what an item concerns ------------------------------------------------------------------

function EntityAdder({
  asAt,
  label,
  onAdd,
}: {
  readonly asAt: string;
  readonly label: string;
  readonly onAdd: (entity: EntityRef) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<'organisation' | 'company' | 'service'>('organisation');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A new key empties the organisation search after each organisation is added.
  const [lookupKey, setLookupKey] = useState(0);
  const add = () => {
    const value = text.trim();
    if (kind === 'company' && !/^[A-Za-z0-9]{1,8}$/.test(value)) {
      setError('Enter a Companies House number (up to 8 letters or digits)');
      return;
    }
    if (kind === 'service' && value === '') {
      setError('Enter the name of the service');
      return;
    }
    onAdd(
      kind === 'company' ? { kind, companyNumber: value.toUpperCase() } : { kind: 'service', name: value },
    );
    setText('');
    setError(null);
  };
  return (
    <fieldset className="fieldset entity-adder">
      <legend className="field-label">{label}</legend>
      <div className="choice-row">
        {(
          [
            ['organisation', 'Organisation'],
            ['company', 'Company'],
            ['service', 'Service'],
          ] as const
        ).map(([k, text]) => (
          <div className="checkbox" key={k}>
            <input
              type="radio"
              id={`${id}-${k}`}
              name={`${id}-kind`}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setError(null);
              }}
            />
            <label htmlFor={`${id}-${k}`}>{text}</label>
          </div>
        ))}
      </div>
      {kind === 'organisation' ? (
        <OrgLookup
          key={lookupKey}
          label="Find the organisation"
          hint="A provider, practice or CSU: type part of the name or its ODS code and choose it to add it."
          asAt={asAt}
          value={null}
          onChange={(choice: OrgChoice | null) => {
            if (!choice) return;
            onAdd({ kind: 'organisation', code: choice.code });
            setLookupKey((k) => k + 1);
          }}
        />
      ) : (
        <div className="inline-add">
          <TextField
            label={kind === 'company' ? 'Companies House number' : 'Service name'}
            width={kind === 'company' ? 'short' : 'medium'}
            value={text}
            error={error}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            Add<span className="sr-only"> to {label.toLowerCase()}</span>
          </button>
        </div>
      )}
    </fieldset>
  );
}

// ---- the builder -------------------------------------------------------------------------------

function Builder({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const ids = {
    body: useId(),
    date: useId(),
    part: useId(),
    chair: useId(),
    deputy: useId(),
    attendees: useId(),
    minimum: useId(),
    fallback: useId(),
    items: useId(),
  };
  const [body, setBody] = useState<MeetingBody>('governing_body');
  const [date, setDate] = useState('');
  const [part, setPart] = useState<'public' | 'private'>('public');
  const [chair, setChair] = useState('');
  const [deputy, setDeputy] = useState('');
  const [attendance, setAttendance] = useState<Readonly<Record<string, Attendance>>>({});
  const [quorum, setQuorum] = useState<QuorumDraft>(DEFAULT_QUORUM);
  const [quorumTouched, setQuorumTouched] = useState(false);
  const [items, setItems] = useState<readonly ItemDraft[]>(() => [newItem()]);
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // People and the quorum rule as on the meeting's date (the as-at date until one is entered).
  const on = isIsoDate(date) ? date : asAt;
  const gb = useApi<GoverningBodyResponse>(apiUrl(`/api/ccgs/${seg(code)}/governing-body`, { asAt: on }));
  const register = useApi<InternalRegisterResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/register-of-interests/internal`, { asAt: on }),
  );
  const constitution = useApi<ConstitutionResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/constitution`, { asAt: on }),
  );
  const constitutionData = constitution.status === 'success' ? constitution.data : null;
  const rule = constitutionQuorum(constitutionData, body);

  useEffect(() => {
    if (!quorumTouched) setQuorum(rule ? toDraft(rule) : DEFAULT_QUORUM);
  }, [rule, quorumTouched]);

  const members = gb.status === 'success' ? gb.data.members : [];
  const people: Person[] = [
    ...members.map((m) => ({
      personId: m.personId,
      name: m.name,
      description: m.roles.map(roleLabel).join(', '),
      governingBody: true,
      defaultCategories: categoriesForRoles(m.roles),
    })),
    ...(register.status === 'success' ? register.data.population : [])
      .filter((p) => !members.some((m) => m.personId === p.personId))
      .filter((p) => p.startDate <= on && (p.endDate === null || p.endDate >= on))
      .filter((p, i, all) => all.findIndex((q) => q.personId === p.personId) === i)
      .map((p) => ({
        personId: p.personId,
        name: p.name,
        description: capacityLabel(p.capacity),
        governingBody: false,
        defaultCategories: [] as AttendeeCategory[],
      })),
  ];
  const attendanceOf = (p: Person): Attendance => {
    const set = attendance[p.personId];
    const forced = p.personId === chair || p.personId === deputy;
    // A governing body meeting starts with the whole governing body; a committee with its chairs only.
    const base = set ?? {
      attending: p.governingBody && body === 'governing_body',
      voting: p.governingBody,
      categories: p.defaultCategories,
    };
    return forced ? { ...base, attending: true } : base;
  };
  const setAttendanceOf = (p: Person, change: Partial<Attendance>) =>
    setAttendance((a) => ({ ...a, [p.personId]: { ...attendanceOf(p), ...change } }));

  const changeQuorum = (change: Partial<QuorumDraft>) => {
    setQuorumTouched(true);
    setQuorum((q) => ({ ...q, ...change }));
  };
  const changeItem = (key: number, change: Partial<ItemDraft>) =>
    setItems((all) => all.map((it) => (it.key === key ? { ...it, ...change } : it)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!isIsoDate(date)) problems.push({ fieldId: ids.date, message: 'Enter the date of the meeting' });
    if (chair === '') problems.push({ fieldId: ids.chair, message: 'Choose who chairs the meeting' });
    if (deputy !== '' && deputy === chair)
      problems.push({
        fieldId: ids.deputy,
        message: 'The deputy chair must be someone other than the chair',
      });
    const attendees = people.filter((p) => attendanceOf(p).attending);
    if (attendees.length === 0)
      problems.push({ fieldId: `${ids.attendees}-0`, message: 'Choose at least one attendee' });
    const minimum = Number(quorum.minimumMembers);
    if (!Number.isInteger(minimum) || minimum < 1 || minimum > 50)
      problems.push({ fieldId: ids.minimum, message: 'Enter the quorum as a whole number from 1 to 50' });
    quorum.requiredRoles.forEach((r, i) => {
      const n = Number(r.minimum);
      if (!Number.isInteger(n) || n < 1 || n > 20)
        problems.push({
          fieldId: `${ids.minimum}-role-${i}`,
          message: `Enter how many ${categoryLabel(r.category).toLowerCase()} members the quorum needs (1 to 20)`,
        });
    });
    items.forEach((it, i) => {
      if (it.title.trim() === '')
        problems.push({
          fieldId: `${ids.items}-${it.key}-title`,
          message: `Enter a title for item ${i + 1}`,
        });
      const isPrivate = it.part === 'private' || (it.part === 'meeting' && part === 'private');
      if (isPrivate && it.privateReason.trim() === '')
        problems.push({
          fieldId: `${ids.items}-${it.key}-reason`,
          message: `Give the reason item ${i + 1} is taken in private`,
        });
    });
    setInvalid(problems);
    setError(null);
    if (problems.length) return;

    const meeting: NewMeetingBody = {
      body,
      date,
      part,
      chairPersonId: chair,
      deputyChairPersonId: deputy === '' ? null : deputy,
      quorum: {
        minimumMembers: minimum,
        requiredRoles: quorum.requiredRoles.map((r) => ({
          category: r.category,
          minimum: Number(r.minimum),
        })),
        fallback: quorum.fallback,
      },
      agendaItems: items.map((it, i) => {
        const isPrivate = it.part === 'private' || (it.part === 'meeting' && part === 'private');
        return {
          itemId: `I${i + 1}`,
          title: it.title.trim(),
          ...(it.part === 'meeting' ? {} : { part: it.part }),
          privateReason: isPrivate ? it.privateReason.trim() : null,
          decision: it.decision,
          concernedEntities: it.entities,
        };
      }),
      attendees: attendees.map((p) => {
        const a = attendanceOf(p);
        return { personId: p.personId, voting: a.voting, categories: a.categories };
      }),
    };
    setBusy(true);
    try {
      const result = await send<{ meeting: Meeting }>('POST', `/api/ccgs/${seg(code)}/meetings`, meeting);
      navigate(withAsAt(meetingPath(result.meeting.meetingId), asAt), { moveFocus: true });
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };
  const fieldError = (id: string) => invalid.find((p) => p.fieldId === id)?.message ?? null;

  return (
    <>
      <ErrorSummary errors={invalid} />
      {error && <ErrorPanel error={error} heading="The meeting was not saved" focus />}
      <form className="form builder" onSubmit={submit} noValidate aria-label="Plan a meeting">
        <section className="card" aria-labelledby="builder-meeting">
          <h2 id="builder-meeting">The meeting</h2>
          <div className="field-row">
            <div className="field">
              <label htmlFor={ids.body} className="field-label">
                Body
              </label>
              <select
                id={ids.body}
                className="select input--medium"
                value={body}
                onChange={(e) => setBody(e.target.value as MeetingBody)}
              >
                {BODIES.map((b) => (
                  <option key={b} value={b}>
                    {BODY_LABELS[b]}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              id={ids.date}
              label="Date"
              type="date"
              width="short"
              value={date}
              error={fieldError(ids.date)}
              onChange={(e) => setDate(e.target.value)}
            />
            <fieldset className="fieldset">
              <legend className="field-label">Held in</legend>
              <div className="choice-row">
                {(['public', 'private'] as const).map((p) => (
                  <div className="checkbox" key={p}>
                    <input
                      type="radio"
                      id={`${ids.part}-${p}`}
                      name={ids.part}
                      checked={part === p}
                      onChange={() => setPart(p)}
                    />
                    <label htmlFor={`${ids.part}-${p}`}>{p === 'public' ? 'Public' : 'Private'}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        </section>

        <section className="card" aria-labelledby="builder-people">
          <h2 id="builder-people">Chair and attendance</h2>
          {gb.status === 'error' && (
            <ErrorPanel error={gb.error} heading="Could not load the governing body" />
          )}
          {gb.status !== 'success' && gb.status !== 'error' && (
            <Loading label="Loading the governing body…" />
          )}
          {gb.status === 'success' && (
            <>
              <p className="muted small">
                Governing body members on {formatDate(on)}
                {register.status === 'success' ? ', then others on the register of interests' : ''}. The
                categories count towards the quorum.
              </p>
              <div className="field-row">
                <div className={`field${fieldError(ids.chair) ? ' field--error' : ''}`}>
                  <label htmlFor={ids.chair} className="field-label">
                    Chair
                  </label>
                  {fieldError(ids.chair) && <p className="field-error">{fieldError(ids.chair)}</p>}
                  <select
                    id={ids.chair}
                    className="select input--medium"
                    value={chair}
                    onChange={(e) => setChair(e.target.value)}
                  >
                    <option value="">Choose the chair</option>
                    {members.map((m) => (
                      <option key={m.personId} value={m.personId}>
                        {m.name} ({m.roles.map(roleLabel).join(', ')})
                      </option>
                    ))}
                  </select>
                </div>
                <div className={`field${fieldError(ids.deputy) ? ' field--error' : ''}`}>
                  <label htmlFor={ids.deputy} className="field-label">
                    Deputy chair
                  </label>
                  {fieldError(ids.deputy) && <p className="field-error">{fieldError(ids.deputy)}</p>}
                  <select
                    id={ids.deputy}
                    className="select input--medium"
                    value={deputy}
                    onChange={(e) => setDeputy(e.target.value)}
                  >
                    <option value="">No deputy chair</option>
                    {members.map((m) => (
                      <option key={m.personId} value={m.personId}>
                        {m.name} ({m.roles.map(roleLabel).join(', ')})
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <fieldset className="fieldset">
                <legend className="field-label">Attendees</legend>
                {fieldError(`${ids.attendees}-0`) && (
                  <p className="field-error">{fieldError(`${ids.attendees}-0`)}</p>
                )}
                <div className="table-scroll">
                  <table className="attendance">
                    <thead>
                      <tr>
                        <th scope="col">Attending</th>
                        <th scope="col">Voting</th>
                        <th scope="col">Counts as</th>
                      </tr>
                    </thead>
                    <tbody>
                      {people.map((p, i) => {
                        const a = attendanceOf(p);
                        const forced = p.personId === chair || p.personId === deputy;
                        const rowId = `${ids.attendees}-${i}`;
                        return (
                          <tr key={p.personId} className={a.attending ? undefined : 'attendance__absent'}>
                            <td>
                              <div className="checkbox">
                                <input
                                  type="checkbox"
                                  id={rowId}
                                  checked={a.attending}
                                  disabled={forced}
                                  onChange={(e) => setAttendanceOf(p, { attending: e.target.checked })}
                                />
                                <label htmlFor={rowId}>
                                  <strong>{p.name}</strong>
                                  <span className="cell-note">
                                    {p.description}
                                    {forced ? ' · chairs' : ''}
                                  </span>
                                </label>
                              </div>
                            </td>
                            <td>
                              <div className="checkbox">
                                <input
                                  type="checkbox"
                                  id={`${rowId}-voting`}
                                  checked={a.voting}
                                  disabled={!a.attending}
                                  onChange={(e) => setAttendanceOf(p, { voting: e.target.checked })}
                                />
                                <label htmlFor={`${rowId}-voting`}>
                                  Voting<span className="sr-only"> ({p.name})</span>
                                </label>
                              </div>
                            </td>
                            <td>
                              <div className="category-boxes">
                                {CATEGORIES.map((c) => (
                                  <div className="checkbox checkbox--small" key={c}>
                                    <input
                                      type="checkbox"
                                      id={`${rowId}-${c}`}
                                      checked={a.categories.includes(c)}
                                      disabled={!a.attending}
                                      onChange={(e) =>
                                        setAttendanceOf(p, {
                                          categories: e.target.checked
                                            ? [...a.categories, c]
                                            : a.categories.filter((x) => x !== c),
                                        })
                                      }
                                    />
                                    <label htmlFor={`${rowId}-${c}`}>
                                      {CATEGORY_LABELS[c]}
                                      <span className="sr-only"> ({p.name})</span>
                                    </label>
                                  </div>
                                ))}
                              </div>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </fieldset>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="builder-quorum">
          <h2 id="builder-quorum">Quorum</h2>
          <p className="muted small">
            {rule && !quorumTouched
              ? `From the constitution in force on ${formatDate(on)}.`
              : rule
                ? 'Changed from the constitution’s rule.'
                : constitution.status === 'error'
                  ? `No approved constitution is in force on ${formatDate(on)}: set the rule from the terms of reference.`
                  : 'The constitution sets no rule for this body: set it from its terms of reference.'}{' '}
            {rule && quorumTouched && (
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  setQuorumTouched(false);
                  setQuorum(toDraft(rule));
                }}
              >
                Use the constitution’s rule
              </button>
            )}
          </p>
          <div className="field-row">
            <TextField
              id={ids.minimum}
              label="Voting members needed"
              type="number"
              min={1}
              max={50}
              width="short"
              value={quorum.minimumMembers}
              error={fieldError(ids.minimum)}
              onChange={(e) => changeQuorum({ minimumMembers: e.target.value })}
            />
            <div className="field">
              <label htmlFor={ids.fallback} className="field-label">
                If inquorate
              </label>
              <select
                id={ids.fallback}
                className="select select--auto"
                value={quorum.fallback}
                onChange={(e) => changeQuorum({ fallback: e.target.value as QuorumFallback })}
              >
                {FALLBACKS.map((f) => (
                  <option key={f} value={f}>
                    {FALLBACK_LABELS[f]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset className="fieldset">
            <legend className="field-label">Of whom at least</legend>
            {quorum.requiredRoles.length === 0 && (
              <p className="muted small">No particular members are required.</p>
            )}
            <ul className="plain-list required-roles">
              {quorum.requiredRoles.map((r, i) => (
                <li key={r.key} className="required-role">
                  {fieldError(`${ids.minimum}-role-${i}`) && (
                    <p className="field-error">{fieldError(`${ids.minimum}-role-${i}`)}</p>
                  )}
                  <label htmlFor={`${ids.minimum}-role-${i}`} className="sr-only">
                    How many (requirement {i + 1})
                  </label>
                  <input
                    id={`${ids.minimum}-role-${i}`}
                    className="input input--tiny"
                    type="number"
                    min={1}
                    max={20}
                    value={r.minimum}
                    aria-invalid={fieldError(`${ids.minimum}-role-${i}`) ? true : undefined}
                    onChange={(e) =>
                      changeQuorum({
                        requiredRoles: quorum.requiredRoles.map((x, j) =>
                          j === i ? { ...x, minimum: e.target.value } : x,
                        ),
                      })
                    }
                  />
                  <label htmlFor={`${ids.minimum}-role-${i}-category`} className="sr-only">
                    Of which category (requirement {i + 1})
                  </label>
                  <select
                    id={`${ids.minimum}-role-${i}-category`}
                    className="select select--auto"
                    value={r.category}
                    onChange={(e) =>
                      changeQuorum({
                        requiredRoles: quorum.requiredRoles.map((x, j) =>
                          j === i ? { ...x, category: e.target.value as AttendeeCategory } : x,
                        ),
                      })
                    }
                  >
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {CATEGORY_LABELS[c]}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() =>
                      changeQuorum({ requiredRoles: quorum.requiredRoles.filter((_, j) => j !== i) })
                    }
                  >
                    Remove<span className="sr-only"> the {categoryLabel(r.category)} requirement</span>
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                changeQuorum({
                  requiredRoles: [...quorum.requiredRoles, { key: nextKey++, category: 'lay', minimum: '1' }],
                })
              }
            >
              Add a required category
            </button>
          </fieldset>
        </section>

        <section className="card" aria-labelledby="builder-agenda">
          <h2 id="builder-agenda">Agenda</h2>
          <p className="muted small">
            Name every provider, practice, company or service an item concerns: the conflict check matches
            them against the attendees’ declared interests.
          </p>
          <ol className="agenda-editor">
            {items.map((it, i) => {
              const prefix = `${ids.items}-${it.key}`;
              const isPrivate = it.part === 'private' || (it.part === 'meeting' && part === 'private');
              return (
                <li key={it.key} className="agenda-editor__item">
                  <fieldset className="fieldset">
                    <legend className="agenda-editor__legend">Item {i + 1}</legend>
                    <TextField
                      id={`${prefix}-title`}
                      label="Title"
                      value={it.title}
                      error={fieldError(`${prefix}-title`)}
                      onChange={(e) => changeItem(it.key, { title: e.target.value })}
                    />
                    <div className="field-row">
                      <div className="checkbox">
                        <input
                          type="checkbox"
                          id={`${prefix}-decision`}
                          checked={it.decision}
                          onChange={(e) => changeItem(it.key, { decision: e.target.checked })}
                        />
                        <label htmlFor={`${prefix}-decision`}>A decision is to be taken</label>
                      </div>
                      <div className="field">
                        <label htmlFor={`${prefix}-part`} className="field-label">
                          Taken in
                        </label>
                        <select
                          id={`${prefix}-part`}
                          className="select"
                          value={it.part}
                          onChange={(e) => changeItem(it.key, { part: e.target.value as ItemDraft['part'] })}
                        >
                          <option value="meeting">As the meeting ({part})</option>
                          <option value="public">Public</option>
                          <option value="private">Private</option>
                        </select>
                      </div>
                    </div>
                    {isPrivate && (
                      <TextField
                        id={`${prefix}-reason`}
                        label="Why it is taken in private"
                        hint="Recorded in the published minutes, e.g. commercial confidentiality."
                        value={it.privateReason}
                        error={fieldError(`${prefix}-reason`)}
                        onChange={(e) => changeItem(it.key, { privateReason: e.target.value })}
                      />
                    )}
                    <div className="concerned">
                      <p className="field-label">Concerns</p>
                      {it.entities.length === 0 ? (
                        <p className="muted small">Nothing named yet.</p>
                      ) : (
                        <ul className="plain-list concerned__list" data-testid="item-entities">
                          {it.entities.map((e) => (
                            <li key={entityText(e)}>
                              <EntityLabel entity={e} asAt={on} />{' '}
                              <button
                                type="button"
                                className="button button--link"
                                onClick={() =>
                                  changeItem(it.key, {
                                    entities: it.entities.filter((x) => entityText(x) !== entityText(e)),
                                  })
                                }
                              >
                                Remove<span className="sr-only"> {entityText(e)}</span>
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                      <EntityAdder
                        asAt={on}
                        label={`Add what item ${i + 1} concerns`}
                        onAdd={(e) => {
                          if (!it.entities.some((x) => entityText(x) === entityText(e)))
                            changeItem(it.key, { entities: [...it.entities, e] });
                        }}
                      />
                    </div>
                    {items.length > 1 && (
                      <button
                        type="button"
                        className="button button--secondary button--danger align-start"
                        onClick={() => setItems((all) => all.filter((x) => x.key !== it.key))}
                      >
                        Remove item {i + 1}
                      </button>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setItems((all) => [...all, newItem()])}
          >
            Add an agenda item
          </button>
        </section>

        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Saving…' : 'Save and check for conflicts'}
          </button>
          <Link to={governancePath(code, 'meetings')}>Cancel</Link>
        </div>
      </form>
    </>
  );
}

function Gate({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const access = useGovernanceAccess(code);
  if (access.loading) return <Loading label="Checking your roles…" />;
  if (!access.write)
    return (
      <Notice title="Only the CCG’s own staff can plan its meetings">
        <p>
          Your roles do not include writing this CCG’s records. <Link to="/account">See your roles</Link>.
        </p>
      </Notice>
    );
  return <Builder code={code} asAt={asAt} />;
}

export function MeetingBuilderPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  return (
    <GovernanceLayout
      code={code}
      asAt={asAt}
      tab="meetings"
      title="Plan a meeting"
      extraCrumbs={[{ label: 'Meetings', to: governancePath(code, 'meetings') }]}
    >
      <p className="lead">
        Set out the meeting, who attends and the agenda. Saving it runs the conflict and quorum check.
      </p>
      <RequireSignIn>{() => <Gate code={code} asAt={asAt} />}</RequireSignIn>
    </GovernanceLayout>
  );
}
