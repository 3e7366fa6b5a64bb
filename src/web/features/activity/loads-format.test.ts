import { describe, expect, it } from 'vitest';
import { runOutOfDate } from './loads-format.ts';

const load = (loadId: string, extra: { accepted?: number; remadeAt?: string } = {}) => ({
  loadId,
  accepted: extra.accepted ?? 10,
  loadedAt: '2026-01-01T00:00:00.000Z',
  ...(extra.remadeAt ? { remadeAt: extra.remadeAt } : {}),
});
const read = (loadId: string, madeAt?: string) => ({
  loadId,
  file: `${loadId}.csv`,
  rows: 10,
  ...(madeAt ? { madeAt } : {}),
});

describe('runOutOfDate', () => {
  it.each([
    {
      name: 'in step',
      run: [read('a', '2026-01-01T00:00:00.000Z')],
      loads: [load('a')],
      out: { added: 0, removed: 0, remade: 0 },
    },
    {
      name: 'a load not read',
      run: [read('a')],
      loads: [load('a'), load('b')],
      out: { added: 1, removed: 0, remade: 0 },
    },
    {
      name: 'a load without rows is not missing',
      run: [read('a')],
      loads: [load('a'), load('b', { accepted: 0 })],
      out: { added: 0, removed: 0, remade: 0 },
    },
    {
      name: 'a load unloaded',
      run: [read('a'), read('b')],
      loads: [load('a')],
      out: { added: 0, removed: 1, remade: 0 },
    },
    {
      name: 'a load made again',
      run: [read('a', '2026-01-01T00:00:00.000Z')],
      loads: [load('a', { remadeAt: '2026-02-01T00:00:00.000Z' })],
      out: { added: 0, removed: 0, remade: 1 },
    },
    {
      name: 'a run from before made times were recorded',
      run: [read('a')],
      loads: [load('a', { remadeAt: '2026-02-01T00:00:00.000Z' })],
      out: { added: 0, removed: 0, remade: 0 },
    },
  ])('$name', ({ run, loads, out }) => {
    expect(runOutOfDate({ loads: run }, loads)).toEqual(out);
  });
});
