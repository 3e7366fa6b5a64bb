import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { loadCsuMapping } from './csu-mapping.ts';

describe('the CSU-by-area-team definitions file', () => {
  it('is valid, labelled illustrative and unconfirmed, and maps all 27 area teams', () => {
    const m = loadCsuMapping();
    expect(m.provenance).toBe('illustrative');
    expect(m.confidence).toBe('unconfirmed');
    expect(Object.keys(m.mapping)).toHaveLength(27);
  });

  it('reports every problem in a broken file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'defs-'));
    try {
      const file = path.join(dir, 'x.json');
      writeFileSync(
        file,
        JSON.stringify({
          id: 'x',
          title: 't',
          source: 's',
          confidence: 'maybe',
          effective_from: '2013-04-01',
          effective_to: null,
          reviewed_on: 'soon',
          provenance: 'illustrative',
          mapping: { Z1: 'A' },
        }),
      );
      const error = (() => {
        try {
          loadCsuMapping(file);
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error?.problems.map((p) => p.path.split(':')[1])).toEqual([
        'confidence',
        'reviewed_on',
        'mapping.Z1',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
