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
      ['basis', (c) => (c.synthetic ? 'synthetic (partly)' : 'real')],
    ]);
  });
}
