import { inspect } from 'node:util';

/**
 * A secret value (e.g. the pseudonymisation key) that never prints itself: JSON, string conversion and
 * `util.inspect` (hence pino and console) all show `[secret]`. Only `reveal()` gives the value.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return '[secret]';
  }

  toString(): string {
    return '[secret]';
  }

  [inspect.custom](): string {
    return '[secret]';
  }
}
