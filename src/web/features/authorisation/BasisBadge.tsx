import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { SYNTHETIC_NOTE } from './labels.ts';
import type { FactBasis } from './types.ts';

/** Real (named in a cited source), Inferred (reasoned from such facts) or Synthetic (generated). */
export function BasisBadge({ basis, source }: { readonly basis: FactBasis; readonly source?: string }) {
  if (basis === 'synthetic')
    return <SyntheticBadge note={source ? `${SYNTHETIC_NOTE} ${source}` : SYNTHETIC_NOTE} />;
  const text = source ?? (basis === 'real' ? 'Stated in a cited source.' : 'Reasoned from cited facts.');
  return (
    <span className={`badge badge--${basis}`} title={text} data-testid={`${basis}-badge`}>
      {basis === 'real' ? 'Real' : 'Inferred'}
      <span className="sr-only">: {text}</span>
    </span>
  );
}
