import cliProgress from 'cli-progress';
import type { ImportProgress } from '../reference/import-reference.ts';

/**
 * A progress bar per import phase on a terminal; one line per finished phase otherwise (CI logs),
 * so long work always shows progress.
 */
export function importProgressBar(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: ImportProgress;
  stop(): void;
} {
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  const interactive = Boolean(stream.isTTY);
  return {
    onProgress: ({ phase: next, done, total }) => {
      if (next !== phase) {
        bar?.stop();
        phase = next;
        bar = interactive
          ? new cliProgress.SingleBar(
              {
                stream,
                format: `  ${next.padEnd(22)} [{bar}] {percentage}% {value}/{total}`,
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
        bar?.start(total, 0);
      }
      bar?.update(done);
      if (!interactive && done === total) stream.write(`  ${next}: ${total}\n`);
    },
    stop: () => bar?.stop(),
  };
}

/**
 * A bar per phase driven by a percentage (DuckDB's own estimate of a long query); on a non-terminal,
 * one line per finished phase.
 */
export function percentProgressBar(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: (phase: string, percent: number) => void;
  stop(): void;
} {
  const bar = importProgressBar(stream);
  return {
    onProgress: (phase, percent) => bar.onProgress({ phase, done: Math.round(percent), total: 100 }),
    stop: bar.stop,
  };
}
