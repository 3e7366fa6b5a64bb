import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { loadActivityReference } from '../../modules/activity/reference-tables.ts';
import { loadWhoPaysDefinitions } from '../../modules/activity/who-pays/definitions.ts';
import { lookupsFromReference } from '../../modules/activity/who-pays/lookups.ts';
import { decideWhoPays, resolveSwitches } from '../../modules/activity/who-pays/rules/index.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, type Problem } from '../../platform/errors.ts';

/** `--switch NAME=VALUE` options as overrides; a malformed or repeated one is refused. */
export function parseSwitchOptions(options: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const option of options) {
    const at = option.indexOf('=');
    const name = option.slice(0, at).trim();
    if (at < 1 || name === '') {
      problems.push({ path: '--switch', message: `"${option}" must be written NAME=VALUE` });
    } else if (Object.hasOwn(overrides, name)) {
      problems.push({ path: '--switch', message: `${name} is given more than once` });
    } else {
      overrides[name] = option.slice(at + 1).trim();
    }
  }
  if (problems.length) throw AppError.validation(problems, 'Invalid --switch');
  return overrides;
}

export interface WhoPaysStreams {
  readonly input: Readable;
  readonly output: Writable;
  readonly error: Writable;
}

/**
 * `commissioner who-pays`: one "Who Pays?" case per line of JSON on stdin, one decision per line of
 * JSON on stdout (`{line, responsible, payer, ruleId, reason}`). A line it cannot decide gets an error
 * line on stderr naming the line and what is wrong, and the command goes on; it exits 1 if any line
 * failed. Blank lines are skipped. A bad --switch stops it before any line is read.
 */
export async function whoPaysCommand(
  config: Config,
  opts: { switch?: readonly string[] },
  streams: WhoPaysStreams = { input: process.stdin, output: process.stdout, error: process.stderr },
): Promise<void> {
  const definitions = loadWhoPaysDefinitions();
  const switches = resolveSwitches(definitions, parseSwitchOptions(opts.switch ?? []));
  const lookups = lookupsFromReference(loadActivityReference(config.referenceDir));
  if ((streams.input as { isTTY?: boolean }).isTTY) {
    streams.error.write(
      'who-pays: reading cases from standard input, one JSON object per line (Ctrl-D ends)\n',
    );
  }
  const write = async (stream: Writable, text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };

  let lineNumber = 0;
  let cases = 0;
  let failed = 0;
  for await (const read of createInterface({ input: streams.input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    // A byte-order mark (files saved by Windows editors) is not part of the first case.
    const line = lineNumber === 1 ? read.replace(/^\uFEFF/, '') : read;
    if (line.trim() === '') continue;
    cases++;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      failed++;
      await write(streams.error, `line ${lineNumber}: not valid JSON: ${(err as Error).message}\n`);
      continue;
    }
    try {
      const decision = decideWhoPays(raw, lookups, switches, definitions);
      await write(streams.output, `${JSON.stringify({ line: lineNumber, ...decision })}\n`);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed++;
      const problems = err.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      await write(streams.error, `line ${lineNumber}: ${problems}\n`);
    }
  }
  if (failed > 0) {
    await write(streams.error, `who-pays: ${failed} of ${cases} cases could not be decided\n`);
    process.exitCode = 1;
  }
}
