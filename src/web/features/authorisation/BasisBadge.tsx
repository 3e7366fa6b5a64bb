import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { SYNTHETIC_NOTE } from './labels.ts';
import type { FactBasis } from './types.ts';

/**
 * Real (named in a cited source), Inferred (reasoned from such facts), Synthetic (generated), or
 * Recorded (entered through the platform by a named person).
 */
export function BasisBadge({ basis, source }: { readonly basis: FactBasis; readonly source?: string }) {
  if (basis === 'synthetic')
    return <SyntheticBadge note={source ? `${SYNTHETIC_NOTE} ${source}` : SYNTHETIC_NOTE} />;
  if (basis === 'recorded') {
    const note = source ?? 'Recorded through the platform.';
    return (
      <span className="badge badge--current" title={note} data-testid="recorded-badge">
        Recorded
        <span className="sr-only">: {note}</span>
      </span>
    );
  }
  const text = source ?? (basis === 'real' ? 'Stated in a cited source.' : 'Reasoned from cited facts.');
  return (
    <span className={`badge badge--${basis}`} title={text} data-testid={`${basis}-badge`}>
      {basis === 'real' ? 'Real' : 'Inferred'}
      <span className="sr-only">: {text}</span>
    </span>
  );
}
