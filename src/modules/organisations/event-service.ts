import { AppError } from '../../platform/errors.ts';
import type { StructuralEventRepository } from './event-repository.ts';
import type { StructuralEvent, Violation } from './model.ts';
import { planStructuralEvent } from './rules/structural-events.ts';

export interface EventOutcome {
  readonly eventId: number | null;
  readonly dryRun: boolean;
  readonly warnings: readonly Violation[];
  readonly closed: number;
  readonly opened: number;
  readonly organisationsCreated: readonly string[];
  readonly organisationsClosed: readonly string[];
}

/**
 * Records dated membership changes (join, leave, move, merger, dissolution). The pure rules plan the
 * change against the registry as it stands; any error rejects the event whole, with every problem.
 */
export class StructuralEventService {
  constructor(private readonly repo: StructuralEventRepository) {}

  async record(event: StructuralEvent, options: { source: string; dryRun?: boolean }): Promise<EventOutcome> {
    const plan = planStructuralEvent(event, await this.repo.registryState());
    const errors = plan.violations.filter((v) => v.severity === 'error');
    if (errors.length) {
      throw AppError.validation(
        errors.map((v) => ({
          path: `event.${v.subjectCode}`,
          message: `${v.message} (${v.legalRef})`,
          code: v.ruleId,
        })),
        'Structural event rejected',
      );
    }
    const eventId = options.dryRun ? null : await this.repo.apply(event, plan, options.source);
    return {
      eventId,
      dryRun: Boolean(options.dryRun),
      warnings: plan.violations.filter((v) => v.severity === 'warning'),
      closed: plan.close.length,
      opened: plan.open.length,
      organisationsCreated: plan.createOrganisations.map((o) => o.code),
      organisationsClosed: plan.closeOrganisations.map((o) => o.code),
    };
  }

  list() {
    return this.repo.list();
  }
}
