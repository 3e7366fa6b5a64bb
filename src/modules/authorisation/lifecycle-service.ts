import { AppError } from '../../platform/errors.ts';
import type { StructuralEvent } from '../organisations/model.ts';
import type { OrganisationRepository } from '../organisations/repository.ts';
import type { Recorder } from './assessment-model.ts';
import type {
  AuthorisationEvent,
  CcgAuthorisationState,
  FactProvenance,
  LifecycleContext,
  LifecycleHistoryEntry,
  StoredProvenance,
} from './model.ts';
import type { AuthorisationRepository, HistoryMeta, StoredHistoryEntry } from './repository.ts';
import { emergingCcg, transition } from './rules/index.ts';

export interface RecordOptions {
  readonly evidenceRefs?: readonly string[];
  readonly reason: string;
  readonly provenance?: FactProvenance | null;
  readonly synthetic?: boolean;
}

/**
 * Each CCG's lifecycle, stored: the state is a snapshot of the pure state machine's, and every event
 * goes through `transition()` and is appended to the dated history with who recorded it, why and on
 * what evidence. An illegal event is a 409 problem naming the state; history is never rewritten.
 */
export class LifecycleService {
  constructor(
    private readonly repo: AuthorisationRepository,
    private readonly orgs: OrganisationRepository,
    readonly context: LifecycleContext,
    private readonly clock: () => Date,
  ) {}

  async requireCcg(code: string) {
    const ccg = await this.orgs.get(code.toUpperCase());
    if (ccg?.orgType !== 'ccg') throw AppError.notFound(`CCG ${code}`, 'params.code');
    return ccg;
  }

  /** The state with its pure history, from a repository (the caller's transaction, or the service's). */
  private async load(repo: AuthorisationRepository, code: string, lock: boolean) {
    const snapshot = lock ? await repo.lockState(code) : (await repo.states(code))[0];
    if (!snapshot) return { state: emergingCcg(code), events: 0 };
    const history: LifecycleHistoryEntry[] = (await repo.history(code)).map(({ date, from, to, event }) => ({
      date,
      from,
      to,
      event,
    }));
    if (history.length !== snapshot.events) {
      throw new AppError(
        'internal',
        `The stored history of ${code} has ${history.length} entries, not ${snapshot.events}`,
      );
    }
    return { state: { ...snapshot.state, history } as CcgAuthorisationState, events: snapshot.events };
  }

  async state(code: string): Promise<CcgAuthorisationState> {
    const ccg = await this.requireCcg(code);
    return (await this.load(this.repo, ccg.code, false)).state;
  }

  async history(
    code: string,
  ): Promise<{ ccgCode: string; ccgName: string; status: string; items: StoredHistoryEntry[] }> {
    const ccg = await this.requireCcg(code);
    const [items, state] = await Promise.all([this.repo.history(ccg.code), this.state(ccg.code)]);
    return { ccgCode: ccg.code, ccgName: ccg.name, status: state.status, items };
  }

  /**
   * Applies one event to the CCG in a transaction holding its row; `also` runs in the same transaction
   * once the event is accepted (e.g. marking the application submitted or decided).
   */
  async record(
    code: string,
    event: AuthorisationEvent,
    actor: Recorder,
    options: RecordOptions,
    also?: (repo: AuthorisationRepository, next: CcgAuthorisationState) => Promise<void>,
  ): Promise<{ state: CcgAuthorisationState; entry: LifecycleHistoryEntry }> {
    const ccg = await this.requireCcg(code);
    return this.repo.transaction(async (repo) => {
      const { state, events } = await this.load(repo, ccg.code, true);
      const result = transition(state, event, this.context);
      if (!result.ok) {
        throw new AppError(
          'conflict',
          `The ${event.kind.replaceAll('_', ' ')} cannot be recorded`,
          result.problems.map((p) => ({ path: 'event', message: p.message, code: p.code })),
        );
      }
      const entry = result.next.history.at(-1)!;
      const meta: HistoryMeta = {
        actor,
        evidenceRefs: options.evidenceRefs ?? [],
        reason: options.reason,
        provenance: options.provenance ?? null,
        synthetic: options.synthetic ?? false,
      };
      await repo.appendHistory(ccg.code, events, [{ entry, meta }], result.next, {
        synthetic: options.synthetic ?? false,
        now: this.clock().toISOString(),
      });
      if (also) await also(repo, result.next);
      return { state: result.next, entry };
    });
  }

  /**
   * Stores a whole sequence for a CCG with no history yet (the demo seed), each event through
   * `transition()`, in the caller's repository (its transaction).
   */
  async seed(
    repo: AuthorisationRepository,
    code: string,
    events: readonly { event: AuthorisationEvent; meta: HistoryMeta }[],
    provenance: StoredProvenance | null,
    synthetic: boolean,
  ): Promise<CcgAuthorisationState> {
    let state = emergingCcg(code);
    for (const { event } of events) {
      const r = transition(state, event, this.context);
      if (!r.ok) {
        throw new AppError(
          'internal',
          `Demo event ${event.kind} for ${code} refused: ${r.problems.map((p) => p.message).join('; ')}`,
        );
      }
      state = r.next;
    }
    await repo.appendHistory(
      code,
      0,
      state.history.map((entry, i) => ({ entry, meta: events[i]!.meta })),
      state,
      { provenance, synthetic, now: this.clock().toISOString() },
    );
    return state;
  }

  /** A structural event recorded in the registry, as an authorisation event (merger, dissolution, membership). */
  async registryEvent(structuralEventId: number): Promise<StructuralEvent> {
    const found = await this.repo.structuralEvent(structuralEventId);
    if (!found) throw AppError.notFound(`Structural event ${structuralEventId}`, 'body.structuralEventId');
    return found;
  }
}
