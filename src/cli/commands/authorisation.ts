import type { AuthorisationEvent } from '../../modules/authorisation/model.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { printJson, printTable } from '../table.ts';
import { withPlatform } from './with-platform.ts';

/** `commissioner authorisation status [--wave N]`: the 2012–13 waves and outcomes. */
export async function authorisationStatusCommand(config: Config, opts: { wave?: string; json?: boolean }) {
  const wave = opts.wave === undefined ? undefined : Number(opts.wave);
  if (wave !== undefined && ![1, 2, 3, 4].includes(wave)) {
    throw AppError.validation([{ path: '--wave', message: `must be 1, 2, 3 or 4, got "${opts.wave}"` }]);
  }
  await withPlatform(config, async ({ services }) => {
    const status = await services.authorisation.status({ wave });
    if (opts.json) return printJson(status);
    printTable(status.byWave, [
      ['wave', (w) => w.wave],
      ['CCGs', (w) => w.ccgs],
      ['authorised', (w) => w.authorised],
      ['with conditions', (w) => w.withConditions],
      ['under directions', (w) => w.underDirections],
    ]);
    const t = status.totals;
    console.log(
      `\n${t.ccgs} CCGs: ${t.authorised} authorised, ${t.withConditions} with conditions (${t.underDirectionsAtGoLive} also under directions at go-live); conditions lifted from ${t.conditionsLiftedInJuly2013Review} in the July 2013 review.\n`,
    );
    printTable(status.items, [
      ['code', (c) => c.code],
      ['name', (c) => c.name],
      ['wave', (c) => c.wave],
      ['outcome', (c) => c.outcome],
      ['conditions', (c) => c.conditionCount],
      ['directions', (c) => (c.directionsAtGoLive ? 'yes' : '')],
      ['status now', (c) => c.status.replaceAll('_', ' ')],
      ['basis', (c) => (c.synthetic ? 'synthetic (partly)' : 'real')],
    ]);
  });
}

/** What an event did, in a few words, for the history table. */
function describe(event: AuthorisationEvent): string {
  switch (event.kind) {
    case 'apply_in_wave':
      return `wave ${event.wave}`;
    case 'decision':
      return `${event.outcome.replaceAll('_', ' ')}; ${event.conditions.length} condition(s), ${event.directions.length} direction(s)`;
    case 'lift_condition':
    case 'vary_condition':
      return event.kind === 'vary_condition'
        ? `${event.conditionId} to level ${event.supportLevel}`
        : event.conditionId;
    case 'lift_directions':
      return event.directionIds.join(', ');
    case 'vary_directions':
      return event.directionId;
    default:
      return '';
  }
}

/** `commissioner authorisation history <ccg>`: the CCG's dated lifecycle history. */
export async function authorisationHistoryCommand(config: Config, ccg: string, opts: { json?: boolean }) {
  if (!/^[0-9A-Za-z]{3}$/.test(ccg)) {
    throw AppError.validation([{ path: 'ccg', message: `must be a CCG ODS code such as 00C, got "${ccg}"` }]);
  }
  await withPlatform(config, async ({ services }) => {
    const history = await services.authorisation.lifecycle.history(ccg);
    if (opts.json) return printJson(history);
    console.log(`${history.ccgName} (${history.ccgCode}): ${history.status.replaceAll('_', ' ')}\n`);
    printTable(history.items, [
      ['#', (h) => h.seq],
      ['date', (h) => h.date],
      ['event', (h) => h.event.kind.replaceAll('_', ' ')],
      ['detail', (h) => describe(h.event)],
      ['to', (h) => h.to.replaceAll('_', ' ')],
      ['recorded by', (h) => h.actor.name],
      ['basis', (h) => h.provenance?.basis ?? (h.synthetic ? 'synthetic' : 'recorded')],
      ['reason', (h) => h.reason],
    ]);
  });
}
