/** A row an importer refused, with where it was and why, so that nothing is lost silently. */
export interface Rejection {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Collects rejected rows across all the files of one import. */
export class Quarantine {
  private readonly items: Rejection[] = [];

  reject(file: string, line: number, reason: string): void {
    this.items.push({ file, line, reason });
  }

  get rejections(): readonly Rejection[] {
    return this.items;
  }

  countFor(file: string): number {
    return this.items.filter((r) => r.file === file).length;
  }
}
