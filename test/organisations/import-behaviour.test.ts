import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/database.ts';
import { AppError } from '../../src/platform/errors.ts';
import { REFERENCE_FILES } from '../../src/reference/files.ts';
import { importReference } from '../../src/reference/import-reference.ts';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';
import { REFERENCE_DIR } from '../support/paths.ts';

/** Row counts of every table the import writes. */
async function tableCounts(db: Database) {
  const r = await sql<Record<string, number>>`select
    (select count(*)::int from organisation) as organisation, (select count(*)::int from relationship) as relationship,
    (select count(*)::int from list_size) as list_size, (select count(*)::int from area_assignment) as area_assignment,
    (select count(*)::int from boundary_set) as boundary_set, (select count(*)::int from import_run) as import_run,
    (select count(*)::int from import_rejection) as import_rejection`.execute(db);
  return r.rows[0]!;
}

/** A copy of the reference folder to damage (the shared folder itself is read-only). */
function copyReference(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commissioner-ref-'));
  cpSync(REFERENCE_DIR, dir, { recursive: true });
  return dir;
}

describe('a repeated import', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase({ withReference: true });
  });
  afterAll(async () => t?.close());

  it('changes nothing and says so', async () => {
    const before = await tableCounts(t.db);
    const result = await importReference(t.db, REFERENCE_DIR);
    expect(result.status).toBe('unchanged');
    expect(await tableCounts(t.db)).toEqual(before);
  });
});

describe('an import that fails part-way', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase({ withReference: false });
  });
  afterAll(async () => t?.close());

  it('leaves the database as it was', async () => {
    const before = await tableCounts(t.db);
    // Fail after organisations and relationships are written, while list sizes are being written.
    const failing = importReference(t.db, REFERENCE_DIR, (e) => {
      if (e.phase === 'write list sizes' && e.done > 0) throw new Error('disk full (simulated)');
    });
    await expect(failing).rejects.toThrow('disk full (simulated)');
    expect(await tableCounts(t.db)).toEqual(before);
    expect(before.organisation).toBe(0);
  });

  it('can then be run again and succeeds', async () => {
    const result = await importReference(t.db, REFERENCE_DIR);
    expect(result.status).toBe('imported');
    expect((await tableCounts(t.db)).import_run).toBe(1);
  });
});

describe('bad input', () => {
  const dirs: string[] = [];
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase({ withReference: false });
  });
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  afterAll(async () => t?.close());

  it('quarantines bad rows with file, line and reason, and imports the rest', async () => {
    const dir = copyReference();
    dirs.push(dir);
    const listFile = path.join(dir, REFERENCE_FILES.listSize);
    const lines = readFileSync(listFile, 'utf8').split('\n');
    const n = lines.filter((l) => l.trim()).length;
    appendFileSync(
      listFile,
      [
        'NORTH OF ENGLAND,Y54,X AREA TEAM,Q45,NHS DARLINGTON CCG,00C00,SHORT ROW PRACTICE,A99991,1,2,3',
        `NORTH OF ENGLAND,Y54,X AREA TEAM,Q45,NHS DARLINGTON CCG,00C00,NEGATIVE PRACTICE,A99992,${Array(18).fill('1').join(',').replace(/^1/, '-5')}`,
        `NORTH OF ENGLAND,Y54,X AREA TEAM,Q45,NHS DARLINGTON CCG,00C00,BAD CODE,12345,${Array(18).fill('1').join(',')}`,
        '',
      ].join('\n'),
    );
    const etrFile = path.join(dir, REFERENCE_FILES.etr);
    appendFileSync(etrFile, 'RZZ,BROKEN TRUST,Y54,Q74,,,,,,AB1 2CD,2013013X,,,,,,,,,,,0,,A\n');

    const result = await importReference(t.db, dir);
    expect(result.status).toBe('imported');
    const mine = result.rejections.filter((r) => r.line > n || r.reason.includes('RZZ'));
    expect(mine).toEqual([
      { file: REFERENCE_FILES.listSize, line: n + 1, reason: 'expected 26 columns, found 11' },
      {
        file: REFERENCE_FILES.listSize,
        line: n + 2,
        reason: 'column "Male 0-4" is "-5", not a whole number ≥ 0',
      },
      {
        file: REFERENCE_FILES.listSize,
        line: n + 3,
        reason: 'practice code "12345" is not an ODS practice code (letter + 5 digits)',
      },
      expect.objectContaining({
        file: REFERENCE_FILES.etr,
        reason: 'open date of RZZ is not a date (yyyymmdd)',
      }),
    ]);
    const stored = await t.db
      .selectFrom('import_rejection')
      .select(['file', 'line', 'reason'])
      .where('run_id', '=', result.runId)
      .execute();
    expect(stored).toHaveLength(result.rejected);
    const practices = await sql<{
      n: number;
    }>`select count(*)::int as n from organisation where org_type = 'gp_practice'`.execute(t.db);
    expect(practices.rows[0]!.n).toBe(9754);
  });

  it('refuses a file with the wrong header, naming the file and the column, and writes nothing', async () => {
    const fresh = await openTestDatabase({ withReference: false });
    try {
      const dir = copyReference();
      dirs.push(dir);
      const file = path.join(dir, REFERENCE_FILES.ccgNames);
      writeFileSync(file, readFileSync(file, 'latin1').replace('CCG13CDH', 'CCG_CODE'), 'latin1');
      await expect(importReference(fresh.db, dir)).rejects.toThrow(
        `${REFERENCE_FILES.ccgNames} line 1: header column 2 is "CCG_CODE", expected "CCG13CDH"`,
      );
      expect((await tableCounts(fresh.db)).organisation).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('names every missing file at once', async () => {
    const dir = copyReference();
    dirs.push(dir);
    rmSync(path.join(dir, REFERENCE_FILES.eccg));
    rmSync(path.join(dir, REFERENCE_FILES.ccgBoundaries));
    const error = await importReference(t.db, dir).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error?.problems.map((p) => p.path)).toEqual(['eccg', 'ccgBoundaries']);
  });
});
