import { Link } from '../../components/Link.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import type { OrganisationDetailResponse } from '../../lib/api-types.ts';
import { orgPath, orgTypeLabel } from '../../lib/org-links.ts';
import { useApi } from '../../lib/use-api.ts';
import type { EntityRef } from './types.ts';

/** An organisation by ODS code, named from the registry and linked to its page. */
export function OrgName({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const upper = code.toUpperCase();
  const detail = useApi<OrganisationDetailResponse>(apiUrl(`/api/organisations/${seg(upper)}`, { asAt }), {
    cache: true,
  });
  const o = detail.status === 'success' ? detail.data.organisation : null;
  return (
    <span>
      <Link to={orgPath(upper, o?.orgType)}>{o?.name ?? upper}</Link>
      {o && (
        <span className="muted small">
          {' '}
          <span className="code">{upper}</span> · {orgTypeLabel(o.orgType)}
        </span>
      )}
    </span>
  );
}

/** What a declaration, an agenda item or a donor is about: an organisation, a company or a service. */
export function EntityLabel({ entity, asAt }: { readonly entity: EntityRef | null; readonly asAt: string }) {
  if (entity === null) return <span className="muted">Not resolved to an entity</span>;
  if (entity.kind === 'organisation') return <OrgName code={entity.code} asAt={asAt} />;
  if (entity.kind === 'company')
    return (
      <span>
        Company <span className="code">{entity.companyNumber}</span>
      </span>
    );
  return <span>Service: {entity.name}</span>;
}
