import type { ReactNode } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { FactList } from '../../components/FactList.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { useTitle } from '../../components/use-title.ts';
import { seg } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatInt } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { EntityLabel } from './Entity.tsx';
import { GovernanceLayout, governancePath } from './GovernanceLayout.tsx';
import { bodyLabel, interestTypeLabel, managementLabel } from './labels.ts';
import type { PublishedItem, PublishedMinutes } from './types.ts';

function Item({ item, index }: { readonly item: PublishedItem; readonly index: number }) {
  const headingId = `minute-${item.itemId}`;
  if (item.part === 'private') {
    return (
      <li
        className="minute minute--private"
        aria-labelledby={headingId}
        data-testid={`minute-${item.itemId}`}
      >
        <h3 id={headingId} className="minute__title">
          {index + 1}. {item.title} <span className="tag tag--ended">Taken in private</span>
        </h3>
        <p>
          <span className="muted">Reason: </span>
          {item.privateReason ?? 'Not recorded'}
        </p>
      </li>
    );
  }
  return (
    <li className="minute" aria-labelledby={headingId} data-testid={`minute-${item.itemId}`}>
      <h3 id={headingId} className="minute__title">
        {index + 1}. {item.title}
      </h3>
      <dl className="minute__facts">
        <div>
          <dt>Chaired by</dt>
          <dd>{item.chairedBy ?? '—'}</dd>
        </div>
        <div>
          <dt>Quorate</dt>
          <dd>{item.quorate === null ? '—' : item.quorate ? 'Yes' : 'No'}</dd>
        </div>
      </dl>
      <h4 className="minute__subheading">Conflicts of interest</h4>
      {item.conflicts.length === 0 ? (
        <p className="muted">None declared on this item.</p>
      ) : (
        <ul className="plain-list minute__conflicts" data-testid="minute-conflicts">
          {item.conflicts.map((c) => (
            <li key={`${c.name}|${c.management}`} className="minute__conflict">
              <strong>{c.name}</strong>:{' '}
              <span className="tag tag--warning">{managementLabel(c.management)}</span>
              {c.note && <span className="cell-note">{c.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {item.discussion && (
        <>
          <h4 className="minute__subheading">Discussion</h4>
          <p className="prose">{item.discussion}</p>
        </>
      )}
      {item.decision && (
        <>
          <h4 className="minute__subheading">Decision</h4>
          <p className="minute__decision">{item.decision}</p>
        </>
      )}
      {item.votes && (
        <p className="muted small">
          Votes: {formatInt(item.votes.for)} for, {formatInt(item.votes.against)} against,{' '}
          {formatInt(item.votes.abstain)} abstained.
        </p>
      )}
    </li>
  );
}

function Minutes({ m, asAt }: { readonly m: PublishedMinutes; readonly asAt: string }) {
  return (
    <GovernanceLayout
      code={m.ccgCode}
      asAt={asAt}
      tab="meetings"
      title={`Minutes: ${bodyLabel(m.body)}, ${formatDate(m.date)}`}
      extraCrumbs={[{ label: 'Meetings', to: governancePath(m.ccgCode, 'meetings') }]}
      badge={m.synthetic ? <SyntheticBadge /> : undefined}
    >
      <div className="grid-2">
        <section className="card" aria-labelledby="minutes-attendance">
          <h2 id="minutes-attendance">Attendance</h2>
          <FactList
            facts={[
              { label: 'Chair', value: m.chair },
              {
                label: 'Present',
                value: (
                  <ul className="plain-list" data-testid="minutes-present">
                    {m.present.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ),
              },
              { label: 'Published', value: formatDateTime(m.publishedAt) },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="minutes-declarations">
          <h2 id="minutes-declarations">Interests declared at the meeting</h2>
          {m.declarationsAtMeeting.length === 0 ? (
            <p className="muted">No new interests were declared at the meeting.</p>
          ) : (
            <ul className="plain-list link-list">
              {m.declarationsAtMeeting.map((d) => (
                <li key={`${d.name}|${d.description}`}>
                  <strong>{d.name}</strong>: {d.description}{' '}
                  <span className="muted small">({interestTypeLabel(d.interestType).toLowerCase()})</span>
                  {d.entity && (
                    <span className="cell-note">
                      <EntityLabel entity={d.entity} asAt={m.date} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="minutes-items">
        <h2 id="minutes-items">Items</h2>
        <ol className="minutes">
          {m.items.map((item, i) => (
            <Item key={item.itemId} item={item} index={i} />
          ))}
        </ol>
      </section>
    </GovernanceLayout>
  );
}

function Failed({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  useTitle(title);
  return (
    <>
      <Breadcrumbs items={[{ label: 'Map', to: '/' }, { label: `Minutes ${id}` }]} />
      <h1>{title}</h1>
      {children}
    </>
  );
}

export function MinutesPage({ id, asAt }: { readonly id: string; readonly asAt: string }) {
  const state = useApi<PublishedMinutes>(`/api/meetings/${seg(id)}/minutes`);
  if (state.status === 'error') {
    return (
      <Failed id={id} title="Minutes">
        {state.error.status === 404 ? (
          <Notice title="These minutes are not published">
            <p>
              There are no published minutes for this meeting: it may not have been held yet, or its minutes
              are still to be published. <Link to="/">Find the CCG on the map</Link> to see its published
              minutes.
            </p>
          </Notice>
        ) : (
          <ErrorPanel error={state.error} heading="Could not load the minutes" />
        )}
      </Failed>
    );
  }
  if (state.status !== 'success') return <Loading label="Loading the minutes…" />;
  return <Minutes m={state.data} asAt={asAt} />;
}
