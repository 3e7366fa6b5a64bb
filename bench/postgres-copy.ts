import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import type pg from 'pg';

/**
 * `COPY … FROM STDIN` fed from a local file through the `pg` client, for a server that cannot read
 * the file itself (another machine, or a directory its OS user may not enter). The project has no
 * pg-copy-streams, so this is the same small hook that package uses: a pg Submittable whose
 * handleCopyInResponse sends the file as CopyData messages (waiting for the socket to drain) and then
 * CopyDone. Resolves with the row count of the server's "COPY n" reply; rejects with the server's error.
 */
export function copyFromFile(client: pg.Client, copySql: string, file: string): Promise<number> {
  if (!/\bfrom\s+stdin\b/i.test(copySql))
    throw new Error(`copyFromFile needs COPY … FROM STDIN, got: ${copySql}`);
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    let rows = -1;
    const submittable = {
      submit(connection: CopyConnection) {
        connection.query(copySql);
      },
      handleCopyInResponse(connection: CopyConnection) {
        void (async () => {
          try {
            for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
              connection.sendCopyFromChunk(chunk as Buffer);
              if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
            }
            connection.endCopyFrom();
          } catch (error) {
            // The server answers CopyFail with an error, which rejects below.
            connection.sendCopyFail(`reading ${file} failed: ${(error as Error).message}`);
          }
        })();
      },
      handleCommandComplete(message: { text: string }) {
        rows = Number(message.text.match(/^COPY (\d+)$/)?.[1] ?? -1);
      },
      handleError(error: Error) {
        failure = error;
      },
      handleReadyForQuery() {
        if (failure) reject(failure);
        else if (rows < 0) reject(new Error(`no COPY row count from the server for ${file}`));
        else resolve(rows);
      },
      // Messages a COPY FROM does not produce; pg calls these names if the server sends them anyway.
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    client.query(submittable as unknown as pg.Submittable);
  });
}

/** The parts of pg's (untyped) Connection the COPY hook uses. */
interface CopyConnection {
  readonly stream: NodeJS.WritableStream & { readonly writableNeedDrain: boolean };
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}
