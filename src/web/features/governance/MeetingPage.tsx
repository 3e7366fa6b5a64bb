import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { FactList } from '../../components/FactList.tsx';
import { TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { useTitle } from '../../components/use-title.ts';
import { type ApiError, apiUrl, seg, send, toApiError } from '../../lib/api.ts';
import { useAsAt, withAsAt } from '../../lib/as-at.ts';
import { formatDate, formatDateTime, formatInt } from '../../lib/format.ts';
import { navigate } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { useGovernanceAccess } from './access.ts';
import { EntityLabel } from './Entity.tsx';
import { AllClear, FindingList } from './Findings.tsx';
import { GovernanceLayout, governancePath } from './GovernanceLayout.tsx';
import {
  bodyLabel,
  CAPACITY_LABELS,
  CHAIR_BASIS_LABELS,
  categoryCount,
  categoryLabel,
  entityText,
  fallbackLabel,
  INTEREST_TYPE_LABELS,
  interestTypeLabel,
  listText,
  MANAGEMENT_LABELS,
  managementLabel,
  quorumWords,
} from './labels.ts';
import { minutesPath, StatusTag } from './MeetingsPage.tsx';
import { type OrgChoice, OrgLookup } from './OrgLookup.tsx';
import type {
  ConflictManagement,
  ConflictPlanResponse,
  DeclarantCapacity,
  DeclaredEntity,
  InterestType,
  InternalDeclaration,
  InternalRegisterResponse,
  Meeting,
  MeetingConflictPlan,
  MeetingResponse,
  Names,
  OutcomeBody,
  PublishedMinutes,
  QuorumRule,
} from './types.ts';

type FullMeeting = MeetingResponse['meeting'];
type ItemPlan = MeetingConflictPlan['items'][number];

const MANAGEMENTS = Object.keys(MANAGEMENT_LABELS) as ConflictManagement[];
const DEFAULT_NOTES: Record<ConflictManagement, string> = {
  leave_room: 'Left the room for the item and took no part in the discussion or decision',
  no_vote: 'Took part in the discussion but did not vote',
  declare_only: 'Declared the interest and took part',
};

export function quorumText(q: QuorumRule): string {
  return `${quorumWords(q)}. If inquorate: ${fallbackLabel(q.fallback).toLowerCase()}.`;
}

function nameOf(names: Names, id: string | null): string {
  return id === null ? '—' : (names[id] ?? id);
}

// ---- the conflict and quorum check --------------------------------------------------------------

function ItemCheck({
  item,
  names,
  declarations,
  asAt,
}: {
  readonly item: ItemPlan;
  readonly names: Names;
  readonly declarations: ReadonlyMap<string, InternalDeclaration>;
  readonly asAt: string;
}) {
  const q = item.quorum;
  return (
    <article
      className="plan-item"
      aria-labelledby={`plan-${item.itemId}`}
      data-testid={`plan-item-${item.itemId}`}
    >
      <h3 id={`plan-${item.itemId}`} className="plan-item__title">
        <span className="code">{item.itemId}</span> {item.title}{' '}
        {item.decision && <span className="tag tag--pending">Decision</span>}{' '}
        {item.part === 'private' && <span className="tag tag--ended">Private</span>}
      </h3>
      {item.conflicts.length === 0 ? (
        <AllClear>No attendee has a declared interest in what this item concerns.</AllClear>
      ) : (
        <div className="table-scroll">
          <table className="conflicts">
            <caption className="sr-only">Conflicts of interest on {item.title}</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Declared interest</th>
                <th scope="col">Matched on</th>
                <th scope="col">Proposed management</th>
              </tr>
            </thead>
            <tbody>
              {item.conflicts.map((c) => {
                const d = declarations.get(c.declarationId);
                return (
                  <tr key={`${c.personId}|${c.declarationId}`}>
                    <td>
                      <strong>{nameOf(names, c.personId)}</strong>
                    </td>
                    <td>
                      {d?.description ?? <span className="code">{c.declarationId}</span>}
                      <span className="cell-note">
                        {interestTypeLabel(c.interestType)} interest · {c.severity} risk
                      </span>
                    </td>
                    <td>
                      <EntityLabel entity={c.matchedEntity} asAt={asAt} />
                    </td>
                    <td>
                      <span
                        className={`tag ${c.management === 'leave_room' ? 'tag--error' : 'tag--warning'}`}
                      >
                        {managementLabel(c.management)}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <dl className="plan-item__facts">
        <div>
          <dt>Chaired by</dt>
          <dd data-testid="item-chair">
            {item.itemChair.personId ? (
              <>
                <strong>{nameOf(names, item.itemChair.personId)}</strong>,{' '}
                {CHAIR_BASIS_LABELS[item.itemChair.basis] ?? item.itemChair.basis}
              </>
            ) : (
              <span className="text-warning">{CHAIR_BASIS_LABELS.none}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Quorum after recusals</dt>
          <dd data-testid="item-quorum">
            {q.quorate ? (
              <span className="quorum quorum--ok">Quorate</span>
            ) : (
              <span className="quorum quorum--bad">Inquorate</span>
            )}{' '}
            {formatInt(q.eligibleVoters.length)} voting {q.eligibleVoters.length === 1 ? 'member' : 'members'}{' '}
            can take part; at least {formatInt(q.minimumMembers)} needed.
            {q.missingRoles.length > 0 && (
              <>
                {' '}
                Short of:{' '}
                {listText(
                  q.missingRoles.map((m) => `${categoryCount(m.minimum, m.category)} (${m.present} present)`),
                )}
                .
              </>
            )}
            {!q.quorate && q.fallback && (
              <span className="cell-note">
                The constitution’s fallback: <strong>{fallbackLabel(q.fallback)}</strong>.
              </span>
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}

function ConflictCheck({
  plan,
  declarations,
  asAt,
}: {
  readonly plan: ConflictPlanResponse['plan'];
  readonly declarations: ReadonlyMap<string, InternalDeclaration>;
  readonly asAt: string;
}) {
  const conflicts = plan.items.reduce((n, i) => n + i.conflicts.length, 0);
  // Each conflict is also a finding; the items below show them, so only the other findings are listed.
  const conflictRef = plan.violations.find((v) => v.ruleId === 'MTG-CONFLICT')?.legalRef;
  const otherFindings = plan.violations.filter((v) => v.ruleId !== 'MTG-CONFLICT');
  const inquorate = plan.items.filter((i) => !i.quorum.quorate).length;
  return (
    <section className="card" aria-labelledby="check-heading" data-testid="conflict-check">
      <h2 id="check-heading">Conflict and quorum check</h2>
      <p className="muted small">
        Every attendee’s declared interests in force on {formatDate(plan.date)}, matched against what each
        item concerns, with the proposed management, who chairs each item and the quorum after recusals.
      </p>
      <dl className="stats">
        <div className="stat">
          <dt>Agenda items</dt>
          <dd>{formatInt(plan.items.length)}</dd>
        </div>
        <div className={`stat${conflicts ? ' stat--warning' : ' stat--ok'}`}>
          <dt>Conflicts found</dt>
          <dd data-testid="conflict-count">{formatInt(conflicts)}</dd>
        </div>
        <div className={`stat${inquorate ? ' stat--error' : ' stat--ok'}`}>
          <dt>Items inquorate</dt>
          <dd>{formatInt(inquorate)}</dd>
        </div>
        <div className="stat">
          <dt>Unresolved declarations</dt>
          <dd>{formatInt(plan.unresolvedDeclarations.length)}</dd>
        </div>
      </dl>
      {otherFindings.length > 0 && <FindingList findings={otherFindings} empty="" testId="plan-findings" />}
      {conflictRef && <p className="muted small">Conflicts are managed under {conflictRef}.</p>}
      {plan.items.map((item) => (
        <ItemCheck key={item.itemId} item={item} names={plan.names} declarations={declarations} asAt={asAt} />
      ))}
      <h3 className="section-heading">Declarations the check could not match</h3>
      {plan.unresolvedDeclarations.length === 0 ? (
        <AllClear>
          Every attendee’s declarations name an organisation or company the check can match.
        </AllClear>
      ) : (
        <>
          <p className="muted small">
            These interests name no organisation or company, so the chair should ask about them on each item.
          </p>
          <ul className="plain-list unresolved">
            {plan.unresolvedDeclarations.map((u) => {
              const d = declarations.get(u.declarationId);
              return (
                <li key={u.declarationId} className="unresolved__item">
                  <strong>{nameOf(plan.names, u.personId)}</strong>:{' '}
                  {d
                    ? `${d.description} (${interestTypeLabel(d.interestType).toLowerCase()})`
                    : u.declarationId}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

// ---- recording the meeting -------------------------------------------------------------------------

interface HandledDraft {
  readonly personId: string;
  readonly declarationId: string | null;
  readonly management: ConflictManagement;
  readonly note: string;
}

interface ItemDraft {
  readonly handled: readonly HandledDraft[];
  readonly chairedBy: string;
  readonly quorate: boolean;
  readonly discussion: string;
  readonly decision: string;
  readonly votesFor: string;
  readonly votesAgainst: string;
  readonly votesAbstain: string;
  readonly procurement: boolean;
}

interface DeclarationDraft {
  readonly key: number;
  readonly personId: string;
  readonly capacity: DeclarantCapacity;
  readonly interestType: InterestType;
  readonly description: string;
  readonly org: OrgChoice | null;
}

function initialItems(meeting: Meeting, plan: ConflictPlanResponse['plan']): Record<string, ItemDraft> {
  const out: Record<string, ItemDraft> = {};
  for (const a of meeting.agendaItems) {
    const p = plan.items.find((i) => i.itemId === a.itemId);
    const voters = p?.quorum.eligibleVoters.length ?? 0;
    out[a.itemId] = {
      handled: (p?.recusals ?? []).map((r) => ({
        personId: r.personId,
        declarationId: p?.conflicts.find((c) => c.personId === r.personId)?.declarationId ?? null,
        management: r.management,
        note: DEFAULT_NOTES[r.management],
      })),
      chairedBy: p?.itemChair.personId ?? meeting.chairPersonId,
      quorate: p?.quorum.quorate ?? true,
      discussion: '',
      decision: '',
      votesFor: a.decision ? String(voters) : '',
      votesAgainst: a.decision ? '0' : '',
      votesAbstain: a.decision ? '0' : '',
      procurement: false,
    };
  }
  return out;
}

let declarationKey = 1;

function RecordForm({
  meeting,
  plan,
  onRecorded,
}: {
  readonly meeting: FullMeeting;
  readonly plan: ConflictPlanResponse['plan'];
  readonly onRecorded: () => void;
}) {
  const id = useId();
  const names = meeting.names;
  const [present, setPresent] = useState<readonly string[]>(() => meeting.attendees.map((a) => a.personId));
  const [items, setItems] = useState<Record<string, ItemDraft>>(() => initialItems(meeting, plan));
  const [declarations, setDeclarations] = useState<readonly DeclarationDraft[]>([]);
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (itemId: string, patch: Partial<ItemDraft>) =>
    setItems((all) => ({ ...all, [itemId]: { ...all[itemId]!, ...patch } }));
  const changeHandled = (itemId: string, index: number, patch: Partial<HandledDraft>) =>
    change(itemId, {
      handled: items[itemId]!.handled.map((h, i) => (i === index ? { ...h, ...patch } : h)),
    });
  const changeDeclaration = (key: number, patch: Partial<DeclarationDraft>) =>
    setDeclarations((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const number = (value: string) => (value.trim() === '' ? 0 : Math.max(0, Math.trunc(Number(value)) || 0));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: OutcomeBody = {
      presentPersonIds: present,
      declarationsAtMeeting: declarations.map((d) => ({
        personId: d.personId,
        capacity: d.capacity,
        interestType: d.interestType,
        description: d.description.trim(),
        entity: d.org ? ({ kind: 'organisation', code: d.org.code } satisfies DeclaredEntity) : null,
      })),
      items: meeting.agendaItems.map((a) => {
        const d = items[a.itemId]!;
        const anyVotes = [d.votesFor, d.votesAgainst, d.votesAbstain].some((v) => v.trim() !== '');
        return {
          itemId: a.itemId,
          conflictsHandled: d.handled
            .filter((h) => present.includes(h.personId))
            .map((h) => ({ ...h, note: h.note.trim() })),
          chairedBy: d.chairedBy === '' ? null : d.chairedBy,
          quorate: d.quorate,
          discussion: d.discussion.trim(),
          decision: a.decision && d.decision.trim() !== '' ? d.decision.trim() : null,
          votes:
            a.decision && anyVotes
              ? { for: number(d.votesFor), against: number(d.votesAgainst), abstain: number(d.votesAbstain) }
              : null,
          procurement: d.procurement,
        };
      }),
    };
    setBusy(true);
    setError(null);
    try {
      await send('POST', `/api/meetings/${seg(meeting.meetingId)}/outcome`, body);
      onRecorded();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="record-heading" id="record">
      <h2 id="record-heading">Record the meeting</h2>
      <p className="muted small">
        What happened, item by item. Every conflict the check found for someone present must be recorded as
        handled. The handling proposed by the check is filled in: change it to what the chair decided.
      </p>
      {error && <ErrorPanel error={error} heading="The meeting was not recorded" focus />}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="record-heading">
        <fieldset className="fieldset">
          <legend className="field-label">Present</legend>
          <div className="choice-grid">
            {meeting.attendees.map((a) => (
              <div className="checkbox" key={a.personId}>
                <input
                  type="checkbox"
                  id={`${id}-present-${a.personId}`}
                  checked={present.includes(a.personId)}
                  onChange={(e) =>
                    setPresent((p) =>
                      e.target.checked ? [...p, a.personId] : p.filter((x) => x !== a.personId),
                    )
                  }
                />
                <label htmlFor={`${id}-present-${a.personId}`}>
                  {nameOf(names, a.personId)}
                  {!a.voting && <span className="muted small"> (non-voting)</span>}
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        {meeting.agendaItems.map((a) => {
          const d = items[a.itemId]!;
          const prefix = `${id}-${a.itemId}`;
          const others = meeting.attendees.filter(
            (x) => present.includes(x.personId) && !d.handled.some((h) => h.personId === x.personId),
          );
          return (
            <fieldset key={a.itemId} className="fieldset record-item" data-testid={`record-item-${a.itemId}`}>
              <legend className="record-item__legend">
                <span className="code">{a.itemId}</span> {a.title}
              </legend>
              <div className="record-item__conflicts">
                <p className="field-label">Conflicts handled</p>
                {d.handled.length === 0 && <p className="muted small">No conflicts on this item.</p>}
                {d.handled.map((h, i) => (
                  <div className="handled" key={h.personId}>
                    <p className="handled__who">
                      <strong>{nameOf(names, h.personId)}</strong>
                      {!present.includes(h.personId) && <span className="muted small"> (not present)</span>}
                    </p>
                    <div className="field">
                      <label htmlFor={`${prefix}-handled-${i}`} className="field-label">
                        How it was handled<span className="sr-only"> ({nameOf(names, h.personId)})</span>
                      </label>
                      <select
                        id={`${prefix}-handled-${i}`}
                        className="select"
                        value={h.management}
                        onChange={(e) => {
                          const management = e.target.value as ConflictManagement;
                          changeHandled(a.itemId, i, {
                            management,
                            note: Object.values(DEFAULT_NOTES).includes(h.note)
                              ? DEFAULT_NOTES[management]
                              : h.note,
                          });
                        }}
                      >
                        {MANAGEMENTS.map((m) => (
                          <option key={m} value={m}>
                            {MANAGEMENT_LABELS[m]}
                          </option>
                        ))}
                      </select>
                    </div>
                    <TextField
                      label={`Note (${nameOf(names, h.personId)})`}
                      value={h.note}
                      onChange={(e) => changeHandled(a.itemId, i, { note: e.target.value })}
                    />
                  </div>
                ))}
                {others.length > 0 && (
                  <div className="inline-add">
                    <div className="field">
                      <label htmlFor={`${prefix}-extra`} className="field-label">
                        Someone else declared a conflict on this item
                      </label>
                      <select
                        id={`${prefix}-extra`}
                        className="select"
                        value={extra[a.itemId] ?? ''}
                        onChange={(e) => setExtra((x) => ({ ...x, [a.itemId]: e.target.value }))}
                      >
                        <option value="">Choose who</option>
                        {others.map((o) => (
                          <option key={o.personId} value={o.personId}>
                            {nameOf(names, o.personId)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={!extra[a.itemId]}
                      onClick={() => {
                        const personId = extra[a.itemId];
                        if (!personId) return;
                        change(a.itemId, {
                          handled: [
                            ...d.handled,
                            {
                              personId,
                              declarationId: null,
                              management: 'no_vote',
                              note: DEFAULT_NOTES.no_vote,
                            },
                          ],
                        });
                        setExtra((x) => ({ ...x, [a.itemId]: '' }));
                      }}
                    >
                      Add the conflict
                    </button>
                  </div>
                )}
              </div>
              <div className="field-row">
                <div className="field">
                  <label htmlFor={`${prefix}-chair`} className="field-label">
                    Chaired by
                  </label>
                  <select
                    id={`${prefix}-chair`}
                    className="select"
                    value={d.chairedBy}
                    onChange={(e) => change(a.itemId, { chairedBy: e.target.value })}
                  >
                    <option value="">Nobody (not taken)</option>
                    {meeting.attendees.map((x) => (
                      <option key={x.personId} value={x.personId}>
                        {nameOf(names, x.personId)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="checkbox checkbox--aligned">
                  <input
                    type="checkbox"
                    id={`${prefix}-quorate`}
                    checked={d.quorate}
                    onChange={(e) => change(a.itemId, { quorate: e.target.checked })}
                  />
                  <label htmlFor={`${prefix}-quorate`}>Quorate for this item</label>
                </div>
              </div>
              <div className="field">
                <label htmlFor={`${prefix}-discussion`} className="field-label">
                  Discussion
                </label>
                <textarea
                  id={`${prefix}-discussion`}
                  className="textarea"
                  rows={2}
                  value={d.discussion}
                  onChange={(e) => change(a.itemId, { discussion: e.target.value })}
                />
              </div>
              {a.decision && (
                <>
                  <TextField
                    id={`${prefix}-decision`}
                    label="Decision"
                    value={d.decision}
                    onChange={(e) => change(a.itemId, { decision: e.target.value })}
                  />
                  <fieldset className="fieldset">
                    <legend className="field-label">Votes</legend>
                    <div className="field-row">
                      {(
                        [
                          ['votesFor', 'For'],
                          ['votesAgainst', 'Against'],
                          ['votesAbstain', 'Abstained'],
                        ] as const
                      ).map(([key, label]) => (
                        <TextField
                          key={key}
                          label={label}
                          type="number"
                          min={0}
                          width="short"
                          value={d[key]}
                          onChange={(e) => change(a.itemId, { [key]: e.target.value })}
                        />
                      ))}
                    </div>
                  </fieldset>
                  <div className="checkbox">
                    <input
                      type="checkbox"
                      id={`${prefix}-procurement`}
                      checked={d.procurement}
                      onChange={(e) => change(a.itemId, { procurement: e.target.checked })}
                    />
                    <label htmlFor={`${prefix}-procurement`}>
                      A decision about procurement or a contract (enters the register of procurement
                      decisions)
                    </label>
                  </div>
                </>
              )}
            </fieldset>
          );
        })}

        <fieldset className="fieldset">
          <legend className="field-label">Interests declared at the meeting</legend>
          <p className="field-hint">They are added to the register of interests and shown in the minutes.</p>
          {declarations.map((dd, i) => (
            <div className="declared-at-meeting" key={dd.key}>
              <div className="field-row">
                <div className="field">
                  <label htmlFor={`${id}-decl-${dd.key}-person`} className="field-label">
                    Who
                  </label>
                  <select
                    id={`${id}-decl-${dd.key}-person`}
                    className="select"
                    value={dd.personId}
                    onChange={(e) => changeDeclaration(dd.key, { personId: e.target.value })}
                  >
                    {meeting.attendees.map((x) => (
                      <option key={x.personId} value={x.personId}>
                        {nameOf(names, x.personId)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-decl-${dd.key}-capacity`} className="field-label">
                    Capacity
                  </label>
                  <select
                    id={`${id}-decl-${dd.key}-capacity`}
                    className="select"
                    value={dd.capacity}
                    onChange={(e) =>
                      changeDeclaration(dd.key, { capacity: e.target.value as DeclarantCapacity })
                    }
                  >
                    {(Object.keys(CAPACITY_LABELS) as DeclarantCapacity[]).map((c) => (
                      <option key={c} value={c}>
                        {CAPACITY_LABELS[c]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-decl-${dd.key}-type`} className="field-label">
                    Type
                  </label>
                  <select
                    id={`${id}-decl-${dd.key}-type`}
                    className="select"
                    value={dd.interestType}
                    onChange={(e) =>
                      changeDeclaration(dd.key, { interestType: e.target.value as InterestType })
                    }
                  >
                    {(Object.keys(INTEREST_TYPE_LABELS) as InterestType[]).map((t) => (
                      <option key={t} value={t}>
                        {INTEREST_TYPE_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <TextField
                label={`Description of declaration ${i + 1}`}
                value={dd.description}
                onChange={(e) => changeDeclaration(dd.key, { description: e.target.value })}
              />
              <OrgLookup
                label={`Organisation (optional, declaration ${i + 1})`}
                asAt={meeting.date}
                value={dd.org}
                onChange={(org) => changeDeclaration(dd.key, { org })}
              />
              <button
                type="button"
                className="button button--secondary button--danger align-start"
                onClick={() => setDeclarations((all) => all.filter((x) => x.key !== dd.key))}
              >
                Remove declaration {i + 1}
              </button>
            </div>
          ))}
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                setDeclarations((all) => [
                  ...all,
                  {
                    key: declarationKey++,
                    personId: meeting.attendees[0]?.personId ?? '',
                    capacity: 'gb_member',
                    interestType: 'financial',
                    description: '',
                    org: null,
                  },
                ])
              }
            >
              Add a declaration made at the meeting
            </button>
          </p>
        </fieldset>

        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Recording…' : 'Record the meeting'}
          </button>
        </div>
      </form>
    </section>
  );
}

function PublishPanel({
  meeting,
  onError,
}: {
  readonly meeting: FullMeeting;
  readonly onError: (e: ApiError) => void;
}) {
  const asAt = useAsAt();
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await send<PublishedMinutes>('POST', `/api/meetings/${seg(meeting.meetingId)}/publish`);
      navigate(withAsAt(minutesPath(meeting.meetingId), asAt), { moveFocus: true });
    } catch (err) {
      onError(toApiError(err));
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish the minutes</h2>
      <p>
        The meeting is recorded
        {meeting.minutes ? ` (${formatDateTime(meeting.minutes.recordedAt)})` : ''}. Publishing puts the
        minutes on the public portal: attendance, declarations, how each conflict was handled and the
        decisions. Items taken in private show only their title and the reason.
      </p>
      <button type="button" className="button" onClick={publish} disabled={busy}>
        {busy ? 'Publishing…' : 'Publish minutes'}
      </button>
    </section>
  );
}

// ---- the page ------------------------------------------------------------------------------------

function MeetingDetail({
  meeting,
  onChanged,
}: {
  readonly meeting: FullMeeting;
  readonly onChanged: () => void;
}) {
  const access = useGovernanceAccess(meeting.ccgCode);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const plan = useApi<ConflictPlanResponse>(`/api/meetings/${seg(meeting.meetingId)}/conflict-plan`);
  const register = useApi<InternalRegisterResponse>(
    apiUrl(`/api/ccgs/${seg(meeting.ccgCode)}/register-of-interests/internal`, { asAt: meeting.date }),
  );
  const declarations = new Map(
    (register.status === 'success' ? register.data.declarations : []).map((d) => [d.declarationId, d]),
  );
  const names = meeting.names;

  return (
    <>
      {notice}
      {error && <ErrorPanel error={error} heading="The minutes were not published" focus />}
      <section className="card" aria-labelledby="meeting-facts">
        <h2 id="meeting-facts">The meeting</h2>
        <FactList
          facts={[
            { label: 'Body', value: bodyLabel(meeting.body) },
            { label: 'Date', value: formatDate(meeting.date) },
            { label: 'Held in', value: meeting.part === 'public' ? 'Public' : 'Private' },
            { label: 'Status', value: <StatusTag status={meeting.status} /> },
            { label: 'Chair', value: nameOf(names, meeting.chairPersonId) },
            {
              label: 'Deputy chair',
              value: meeting.deputyChairPersonId ? nameOf(names, meeting.deputyChairPersonId) : 'None',
            },
            { label: 'Quorum', value: quorumText(meeting.quorum) },
            {
              label: 'Attendees',
              value: (
                <details className="row-details">
                  <summary>
                    {formatInt(meeting.attendees.length)} attendees,{' '}
                    {formatInt(meeting.attendees.filter((a) => a.voting).length)} voting
                  </summary>
                  <ul className="plain-list attendee-list">
                    {meeting.attendees.map((a) => (
                      <li key={a.personId}>
                        {nameOf(names, a.personId)}{' '}
                        <span className="muted small">
                          {a.voting ? 'voting' : 'non-voting'}
                          {a.categories.length ? ` · ${a.categories.map(categoryLabel).join(', ')}` : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              ),
            },
            {
              label: 'Agenda',
              value: (
                <ol className="agenda-list">
                  {meeting.agendaItems.map((i) => (
                    <li key={i.itemId}>
                      {i.title}
                      {i.concernedEntities.length > 0 && (
                        <span className="cell-note">
                          Concerns:{' '}
                          {i.concernedEntities.map((e, n) => (
                            <span key={entityText(e)}>
                              {n > 0 && '; '}
                              <EntityLabel entity={e} asAt={meeting.date} />
                            </span>
                          ))}
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              ),
            },
          ]}
        />
      </section>
      {plan.status === 'error' && (
        <ErrorPanel error={plan.error} heading="Could not run the conflict check" />
      )}
      {(plan.status === 'loading' || plan.status === 'idle') && <Loading label="Checking for conflicts…" />}
      {plan.status === 'success' && (
        <ConflictCheck plan={plan.data.plan} declarations={declarations} asAt={meeting.date} />
      )}
      {meeting.status === 'draft' && access.write && plan.status === 'success' && (
        <RecordForm
          meeting={meeting}
          plan={plan.data.plan}
          onRecorded={() => {
            setNotice(
              <Notice tone="success" title="The meeting has been recorded">
                <p>Check the record, then publish the minutes.</p>
              </Notice>,
            );
            onChanged();
          }}
        />
      )}
      {meeting.status === 'held' && access.write && <PublishPanel meeting={meeting} onError={setError} />}
      {meeting.status === 'published' && (
        <Notice tone="success" title="Minutes published">
          <p>
            Published {formatDateTime(meeting.publishedAt)}.{' '}
            <Link to={minutesPath(meeting.meetingId)}>Read the published minutes</Link>.
          </p>
        </Notice>
      )}
      {!access.write && meeting.status !== 'published' && !access.loading && (
        <Notice>
          <p>Only the CCG’s own staff can record this meeting and publish its minutes.</p>
        </Notice>
      )}
    </>
  );
}

function PageTitle({ title }: { readonly title: string }) {
  useTitle(title);
  return null;
}

function MeetingLoader({ id, asAt }: { readonly id: string; readonly asAt: string }) {
  const [reloadKey, setReloadKey] = useState(0);
  const state = useApi<MeetingResponse>(`/api/meetings/${seg(id)}`, { reloadKey });
  if (state.status === 'error') {
    return (
      <>
        <PageTitle title="Meeting" />
        <Breadcrumbs items={[{ label: 'Map', to: '/' }, { label: `Meeting ${id}` }]} />
        <h1>Meeting</h1>
        {state.error.status === 403 ? (
          <NotPermitted title="You are not permitted to see this meeting" error={state.error}>
            <p>Meetings before their minutes are published are open to the CCG’s own staff and the Board.</p>
          </NotPermitted>
        ) : (
          <ErrorPanel error={state.error} heading="Could not load this meeting" />
        )}
      </>
    );
  }
  if (state.status !== 'success') return <Loading label="Loading the meeting…" />;
  const m = state.data.meeting;
  return (
    <GovernanceLayout
      code={m.ccgCode}
      asAt={asAt}
      tab="meetings"
      title={`${bodyLabel(m.body)}, ${formatDate(m.date)}`}
      extraCrumbs={[{ label: 'Meetings', to: governancePath(m.ccgCode, 'meetings') }]}
      badge={
        <>
          <StatusTag status={m.status} /> {m.synthetic && <SyntheticBadge />}
        </>
      }
    >
      <MeetingDetail meeting={m} onChanged={() => setReloadKey((k) => k + 1)} />
    </GovernanceLayout>
  );
}

export function MeetingPage({ id, asAt }: { readonly id: string; readonly asAt: string }) {
  return <RequireSignIn>{() => <MeetingLoader id={id} asAt={asAt} />}</RequireSignIn>;
}
