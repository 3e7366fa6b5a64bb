/**
 * DuckDB SQL → PostgreSQL SQL, for the benchmark's PostgreSQL path (issue #5, "Performance"): the
 * activity engine's SQL generators write DuckDB, and the comparison must run the SAME computation as
 * plain PostgreSQL SQL. This rewrites the few DuckDB-only constructs those generators use, on a token
 * tree (strings, quoted names and comments are never touched), and refuses anything else it knows
 * PostgreSQL lacks, so a translation either means the same thing or fails loudly.
 *
 * Rewrites (DuckDB → PostgreSQL 15):
 * - `* exclude (a, b)` / `t.* exclude (…)` → the explicit column list, resolved by asking DuckDB for
 *   the columns of the star (the only rewrite that needs a catalogue: `columnsOf`);
 * - `list_contains(list, x)` → `(x = any(list))`; a list literal `[a, b]` → `array[a, b]`, and
 *   `[a, b][i]` → `(array[a, b])[i]` (both dialects index from 1);
 * - `date_diff('day', a, b)` → `((b)::date - (a)::date)`; `strftime(d, '%Y-%m')` → `to_char(d, 'YYYY-MM')`;
 *   `strptime(s, f)` → `to_timestamp(s, f)::timestamp`; `month(d)` / `year(d)` → `extract(…)::bigint`;
 *   `sign(x)` → `sign(x)::integer` (DuckDB's is an integer, PostgreSQL's a float or numeric);
 *   `make_date(y, m, d)` → its arguments cast to integer (DuckDB's takes bigints, PostgreSQL's integers);
 * - `a // b` → `a / b` (integer division truncating toward zero in both, for integer operands);
 *   `a / b` → `a / (b)::double precision` (DuckDB's `/` always divides in floating point, PostgreSQL's
 *   truncates integers);
 * - DuckDB-only type names in casts (`double`, `hugeint`, `tinyint`, `float`, `string`);
 * - `group by all` → the ordinals of the select list's non-aggregate items;
 * - a derived table without an alias gets one (PostgreSQL 15 requires it).
 * `starts_with`, `count(*) filter (…)`, `is [not] distinct from`, `greatest`, `date_trunc` and window
 * frames exist in both and are left alone.
 */

/** The column names of a DuckDB query (e.g. by DESCRIBE), in order. */
export type ColumnResolver = (duckdbSql: string) => Promise<readonly string[]>;

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'space';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offset in the text it was read from, for error messages. */
  readonly at: number;
}
interface Group {
  readonly kind: 'group';
  readonly open: '(' | '[';
  readonly items: SqlNode[];
  readonly at: number;
}
export type SqlNode = Token | Group;

export class DialectError extends Error {
  constructor(message: string, sql: string, at: number) {
    const start = Math.max(0, at - 60);
    const context = sql.slice(start, at + 60).replace(/\s+/g, ' ');
    super(`${message} (at offset ${at}: …${context}…)`);
    this.name = 'DialectError';
  }
}

const MULTI_CHAR_OPS = ['->>', '//', '::', '||', '<=', '>=', '<>', '!=', '->', '**', '=='];
const CLOSE = { '(': ')', '[': ']' } as const;

/** Parses SQL text into tokens with ( ) and [ ] nested as groups. */
export function parseSql(sql: string): SqlNode[] {
  const root: SqlNode[] = [];
  const stack: { items: SqlNode[]; open: '(' | '[' | null; at: number }[] = [
    { items: root, open: null, at: 0 },
  ];
  const push = (node: SqlNode) => stack[stack.length - 1]!.items.push(node);
  const token = (kind: TokenKind, pattern: RegExp): [TokenKind, RegExp] => [kind, pattern];
  // Sticky patterns, tried in order at the current offset.
  const patterns = [
    token('space', /\s+|--[^\n]*|\/\*[\s\S]*?\*\//y),
    token('string', /'(?:[^']|'')*'/y),
    token('quoted', /"(?:[^"]|"")*"/y),
    token('number', /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y),
    token('word', /[A-Za-z_][A-Za-z0-9_$]*/y),
  ];
  let i = 0;
  scan: while (i < sql.length) {
    for (const [kind, pattern] of patterns) {
      pattern.lastIndex = i;
      const match = pattern.exec(sql);
      if (match) {
        push({ kind, text: match[0], at: i });
        i += match[0].length;
        continue scan;
      }
    }
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      throw new DialectError(`unterminated ${c === "'" ? 'string' : 'quoted name'}`, sql, i);
    } else if (c === '(' || c === '[') {
      stack.push({ items: [], open: c, at: i });
    } else if (c === ')' || c === ']') {
      const top = stack[stack.length - 1]!;
      if (!top.open || CLOSE[top.open] !== c) throw new DialectError(`unbalanced '${c}'`, sql, i);
      stack.pop();
      push({ kind: 'group', open: top.open, items: top.items, at: top.at });
    } else if (c === '{' || c === '}') {
      throw new DialectError('DuckDB struct or map literals have no PostgreSQL equivalent here', sql, i);
    } else {
      const op = MULTI_CHAR_OPS.find((o) => sql.startsWith(o, i)) ?? c;
      push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    i++;
  }
  const open = stack[stack.length - 1]!;
  if (open.open) throw new DialectError(`unclosed '${open.open}'`, sql, open.at);
  return root;
}

export function renderSql(nodes: readonly SqlNode[]): string {
  return nodes
    .map((n) => (n.kind === 'group' ? `${n.open}${renderSql(n.items)}${CLOSE[n.open]}` : n.text))
    .join('');
}

// ---- helpers over a node list ----

// Plain booleans, not type predicates: a false answer says nothing about the node's kind.
const isWord = (n: SqlNode | undefined, ...words: string[]): boolean =>
  n?.kind === 'word' && words.includes(n.text.toLowerCase());
const isOp = (n: SqlNode | undefined, op: string): boolean => n?.kind === 'op' && n.text === op;
const isGroup = (n: SqlNode | undefined, open?: '(' | '['): boolean =>
  n?.kind === 'group' && (open === undefined || n.open === open);

/** Index of the next node that is not space, from `i` on (items.length if none). */
function next(items: readonly SqlNode[], i: number): number {
  while (i < items.length && items[i]!.kind === 'space') i++;
  return i;
}

/** Index of the previous node that is not space, before `i` (-1 if none). */
function previous(items: readonly SqlNode[], i: number): number {
  let j = i - 1;
  while (j >= 0 && items[j]!.kind === 'space') j--;
  return j;
}

/** Splits a node list at its top-level commas. */
function splitCommas(items: readonly SqlNode[]): SqlNode[][] {
  const parts: SqlNode[][] = [[]];
  for (const n of items) {
    if (isOp(n, ',')) parts.push([]);
    else parts[parts.length - 1]!.push(n);
  }
  return parts;
}

const text = (items: readonly SqlNode[]) => renderSql(items).trim();
const at = (n: SqlNode | undefined, fallback = 0) => n?.at ?? fallback;

/** Applies `transform` to every node list, innermost first. */
function mapLists(items: readonly SqlNode[], transform: (items: SqlNode[]) => SqlNode[]): SqlNode[] {
  return transform(
    items.map((n) => (n.kind === 'group' ? { ...n, items: mapLists(n.items, transform) } : n)),
  );
}

// ---- 1. star exclude (needs DuckDB: the columns of the star) ----

/** Words that end a FROM clause (what is after them is not needed to know the columns of a star). */
const AFTER_FROM = [
  'where',
  'group',
  'having',
  'window',
  'qualify',
  'order',
  'limit',
  'offset',
  'union',
  'except',
  'intersect',
];

async function expandExcludes(items: SqlNode[], sql: string, columnsOf: ColumnResolver): Promise<SqlNode[]> {
  const list: SqlNode[] = [];
  for (const n of items) {
    list.push(n.kind === 'group' ? { ...n, items: await expandExcludes(n.items, sql, columnsOf) } : n);
  }
  for (let i = 0; i < list.length; i++) {
    const kw = next(list, i + 1);
    const group = next(list, kw + 1);
    if (!isOp(list[i], '*') || !isWord(list[kw], 'exclude') || !isGroup(list[group], '(')) continue;
    // The star, perhaps qualified: alias . *
    let start = i;
    let qualifier: string | null = null;
    const dot = previous(list, i);
    if (isOp(list[dot], '.')) {
      start = previous(list, dot);
      qualifier = text([list[start]!]);
    }
    const selectAt = lastTopLevel(list, start, 'select');
    const fromAt = firstTopLevel(list, group + 1, 'from');
    if (selectAt < 0 || fromAt < 0) {
      throw new DialectError('a star with exclude outside a SELECT … FROM', sql, at(list[i]));
    }
    // The query that lists the star's columns: any WITH of this scope, SELECT <star>, and the FROM clause.
    const firstSelect = firstTopLevel(list, 0, 'select');
    let end = fromAt + 1;
    while (end < list.length && !isWord(list[end], ...AFTER_FROM)) end++;
    const probe = `${renderSql(list.slice(0, firstSelect))} select ${qualifier ? `${qualifier}.*` : '*'} ${renderSql(list.slice(fromAt, end))}`;
    let columns: readonly string[];
    try {
      columns = await columnsOf(probe);
    } catch (error) {
      throw new DialectError(
        `cannot list the columns of '${text(list.slice(start, group + 1))}': ${(error as Error).message}`,
        sql,
        at(list[i]),
      );
    }
    const excluded = splitCommas((list[group] as Group).items).map((part) =>
      unquote(text(part)).toLowerCase(),
    );
    const lower = new Set(columns.map((c) => c.toLowerCase()));
    const missing = excluded.filter((c) => !lower.has(c));
    if (missing.length) {
      throw new DialectError(
        `exclude names columns the star does not have: ${missing.join(', ')}`,
        sql,
        at(list[i]),
      );
    }
    const kept = columns.filter((c) => !excluded.includes(c.toLowerCase()));
    if (kept.length === 0)
      throw new DialectError('exclude removes every column of the star', sql, at(list[i]));
    const expansion = kept
      .map((c) => (qualifier ? `${qualifier}.${identifier(c)}` : identifier(c)))
      .join(', ');
    list.splice(start, group - start + 1, ...parseSql(expansion));
  }
  return list;
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name;
}

/** A column name as SQL: bare when it is a plain lower-case name, else double-quoted. */
function identifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
/** PostgreSQL's reserved words (a column so named must be quoted). */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'current_catalog current_date current_role current_time current_timestamp current_user default deferrable ' +
    'desc distinct do else end except false fetch for foreign from grant group having in initially intersect ' +
    'into lateral leading limit localtime localtimestamp not null offset on only or order placing primary ' +
    'references returning select session_user some symmetric system_user table then to trailing true union ' +
    'unique user using variadic when where window with'
  ).split(' '),
);

function lastTopLevel(items: readonly SqlNode[], before: number, word: string): number {
  for (let j = before - 1; j >= 0; j--) if (isWord(items[j], word)) return j;
  return -1;
}
function firstTopLevel(items: readonly SqlNode[], from: number, word: string): number {
  for (let j = from; j < items.length; j++) if (isWord(items[j], word)) return j;
  return -1;
}

// ---- 2. functions ----

const STRFTIME: Record<string, string> = {
  '%Y': 'YYYY',
  '%m': 'MM',
  '%d': 'DD',
  '%H': 'HH24',
  '%M': 'MI',
  '%S': 'SS',
};

function dateFormat(literal: string, sql: string, node: SqlNode | undefined): string {
  if (!/^'[^']*'$/.test(literal))
    throw new DialectError('a date format must be a string literal', sql, at(node));
  const body = literal.slice(1, -1);
  const converted = body.replace(/%.|[^-/: .]/g, (piece) => {
    const pg = STRFTIME[piece];
    if (pg === undefined)
      throw new DialectError(`date format piece '${piece}' is not translated`, sql, at(node));
    return pg;
  });
  return `'${converted}'`;
}

type FunctionRewrite = (args: string[], sql: string, node: SqlNode) => string;
const arity = (name: string, n: number, args: string[], sql: string, node: SqlNode) => {
  if (args.length !== n)
    throw new DialectError(`${name} takes ${n} arguments here, got ${args.length}`, sql, node.at);
};

const FUNCTIONS: Record<string, FunctionRewrite> = {
  list_contains: (args, sql, node) => {
    arity('list_contains', 2, args, sql, node);
    return `(${args[1]} = any(${args[0]}))`;
  },
  date_diff: (args, sql, node) => {
    arity('date_diff', 3, args, sql, node);
    if (args[0]!.toLowerCase() !== "'day'") {
      throw new DialectError(`date_diff unit ${args[0]} is not translated (only 'day')`, sql, node.at);
    }
    return `((${args[2]})::date - (${args[1]})::date)`;
  },
  strftime: (args, sql, node) => {
    arity('strftime', 2, args, sql, node);
    return `to_char(${args[0]}, ${dateFormat(args[1]!, sql, node)})`;
  },
  strptime: (args, sql, node) => {
    arity('strptime', 2, args, sql, node);
    return `to_timestamp(${args[0]}, ${dateFormat(args[1]!, sql, node)})::timestamp`;
  },
  month: (args, sql, node) => {
    arity('month', 1, args, sql, node);
    return `extract(month from ${args[0]})::bigint`;
  },
  year: (args, sql, node) => {
    arity('year', 1, args, sql, node);
    return `extract(year from ${args[0]})::bigint`;
  },
  make_date: (args, sql, node) => {
    arity('make_date', 3, args, sql, node);
    return `make_date(${args.map((a) => `(${a})::integer`).join(', ')})`;
  },
  sign: (args, sql, node) => {
    arity('sign', 1, args, sql, node);
    return `sign(${args[0]})::integer`;
  },
};
FUNCTIONS.datediff = FUNCTIONS.date_diff!;

function rewriteFunctions(sql: string) {
  return (items: SqlNode[]): SqlNode[] => {
    const out: SqlNode[] = [];
    for (let i = 0; i < items.length; i++) {
      const n = items[i]!;
      const g = next(items, i + 1);
      const call = items[g];
      const rewrite = n.kind === 'word' ? FUNCTIONS[n.text.toLowerCase()] : undefined;
      if (rewrite && isGroup(call, '(') && !isOp(out[previous(out, out.length)], '.')) {
        const inner = (call as Group).items;
        const args = inner.some((x) => x.kind !== 'space') ? splitCommas(inner).map(text) : [];
        out.push(...parseSql(rewrite(args, sql, n)));
        i = g;
      } else out.push(n);
    }
    return out;
  };
}

// ---- 3. list literals ----

/** Words after which `[` starts a value (a list literal) rather than subscripting what came before. */
const BEFORE_VALUE = new Set([
  'select',
  'where',
  'when',
  'then',
  'else',
  'and',
  'or',
  'not',
  'by',
  'on',
  'having',
  'in',
  'is',
  'like',
  'between',
  'case',
  'distinct',
  'return',
  'values',
]);

function rewriteLists(items: SqlNode[]): SqlNode[] {
  const out: SqlNode[] = [];
  for (let i = 0; i < items.length; i++) {
    const n = items[i]!;
    const before = out[previous(out, out.length)];
    const isValue =
      before === undefined ||
      before.kind === 'op' ||
      (before.kind === 'word' && BEFORE_VALUE.has(before.text.toLowerCase()));
    if (isGroup(n, '[') && isValue) {
      const array: SqlNode[] = [{ kind: 'word', text: 'array', at: n.at }, n];
      const s = next(items, i + 1);
      if (isGroup(items[s], '[')) {
        out.push({ kind: 'group', open: '(', items: array, at: n.at }, items[s]!);
        i = s;
      } else out.push(...array);
    } else out.push(n);
  }
  return out;
}

// ---- 4. division ----

/** The end (exclusive) of the operand that starts at `i`: a primary with its casts, calls and subscripts. */
function operandEnd(items: readonly SqlNode[], i: number, sql: string): number {
  let j = next(items, i);
  if (isOp(items[j], '-') || isOp(items[j], '+')) j = next(items, j + 1);
  const first = items[j];
  if (first === undefined) throw new DialectError("nothing after '/'", sql, at(items[i - 1]));
  if (isWord(first, 'case')) {
    let depth = 0;
    for (; j < items.length; j++) {
      if (isWord(items[j], 'case')) depth++;
      else if (isWord(items[j], 'end') && --depth === 0) break;
    }
    if (j === items.length) throw new DialectError('CASE without END', sql, first.at);
    j++;
  } else if (
    isWord(first, 'date', 'timestamp', 'interval', 'time') &&
    items[next(items, j + 1)]?.kind === 'string'
  ) {
    j = next(items, j + 1) + 1; // a typed literal: date '2013-04-01'
  } else if (first.kind === 'word' || first.kind === 'quoted') {
    j++;
    // qualified names a.b.c
    while (isOp(items[j], '.') && (items[j + 1]?.kind === 'word' || items[j + 1]?.kind === 'quoted')) j += 2;
    const call = next(items, j);
    if (isGroup(items[call], '(')) {
      j = call + 1;
      // aggregate FILTER (…) and window OVER (…)
      for (;;) {
        const w = next(items, j);
        const g = next(items, w + 1);
        if (isWord(items[w], 'filter', 'over') && isGroup(items[g], '(')) j = g + 1;
        else break;
      }
    }
  } else if (first.kind === 'number' || first.kind === 'string' || first.kind === 'group') {
    j++;
  } else {
    throw new DialectError(`cannot read the operand after '/'`, sql, first.at);
  }
  for (;;) {
    const k = next(items, j);
    if (isOp(items[k], '::')) {
      const t = next(items, k + 1);
      if (items[t]?.kind !== 'word') throw new DialectError("'::' without a type", sql, at(items[k]));
      j = t + 1;
      if (isGroup(items[j], '(')) j++;
    } else if (isGroup(items[k], '[')) {
      j = k + 1;
    } else break;
  }
  return j;
}

function rewriteDivision(sql: string) {
  return (items: SqlNode[]): SqlNode[] => {
    const out: SqlNode[] = [];
    for (let i = 0; i < items.length; i++) {
      const n = items[i]!;
      if (isOp(n, '//')) {
        out.push({ ...(n as Token), text: '/' });
      } else if (isOp(n, '/')) {
        const end = operandEnd(items, i + 1, sql);
        // The operand's own top-level divisions (inside a CASE, say) are rewritten too.
        const operand = rewriteDivision(sql)(items.slice(next(items, i + 1), end));
        out.push(n, ...parseSql(` (${renderSql(operand)})::double precision`));
        i = end - 1;
      } else out.push(n);
    }
    return out;
  };
}

// ---- 5. type names ----

const TYPES: Record<string, string> = {
  double: 'double precision',
  hugeint: 'numeric',
  tinyint: 'smallint',
  float: 'real',
  string: 'text',
  blob: 'bytea',
};
const SAME_TYPES = new Set([
  'varchar',
  'text',
  'bigint',
  'integer',
  'int',
  'smallint',
  'boolean',
  'bool',
  'date',
  'timestamp',
  'timestamptz',
  'interval',
  'numeric',
  'decimal',
  'real',
  'float8',
  'time',
  'uuid',
  'json',
]);

function typeName(n: Token, sql: string): Token {
  const name = n.text.toLowerCase();
  const mapped = TYPES[name];
  if (mapped) return { ...n, text: mapped };
  if (!SAME_TYPES.has(name)) throw new DialectError(`type '${n.text}' has no translation`, sql, n.at);
  return n;
}

function rewriteTypes(sql: string) {
  return (items: SqlNode[]): SqlNode[] => {
    const out = [...items];
    for (let i = 0; i < out.length; i++) {
      const t = next(out, i + 1);
      if (isOp(out[i], '::') && out[t]?.kind === 'word' && !isWord(out[next(out, t + 1)], 'precision')) {
        out[t] = typeName(out[t] as Token, sql);
      }
      // cast(x as T): the group after the word cast
      const g = next(out, i + 1);
      if (isWord(out[i], 'cast', 'try_cast') && isGroup(out[g], '(')) {
        if (isWord(out[i], 'try_cast'))
          throw new DialectError('try_cast has no PostgreSQL equivalent', sql, at(out[i]));
        const inner = [...(out[g] as Group).items];
        for (let k = inner.length - 1; k >= 0; k--) {
          const tk = next(inner, k + 1);
          if (isWord(inner[k], 'as') && inner[tk]?.kind === 'word') {
            if (isWord(inner[next(inner, tk + 1)], 'precision')) break;
            inner[tk] = typeName(inner[tk] as Token, sql);
            break;
          }
        }
        out[g] = { ...(out[g] as Group), items: inner };
      }
    }
    return out;
  };
}

// ---- 6. group by all ----

const AGGREGATES = new Set([
  'count',
  'sum',
  'min',
  'max',
  'avg',
  'any_value',
  'bool_and',
  'bool_or',
  'string_agg',
  'array_agg',
  'stddev',
  'variance',
]);

function containsAggregate(items: readonly SqlNode[], sql: string): boolean {
  for (let i = 0; i < items.length; i++) {
    const n = items[i]!;
    if (isWord(n, 'select'))
      throw new DialectError('group by all over a select list with a subquery', sql, n.at);
    if (isWord(n, 'over'))
      throw new DialectError('group by all over a select list with a window function', sql, n.at);
    if (n.kind === 'word' && AGGREGATES.has(n.text.toLowerCase()) && isGroup(items[next(items, i + 1)], '('))
      return true;
    if (n.kind === 'group' && containsAggregate(n.items, sql)) return true;
  }
  return false;
}

function rewriteGroupByAll(sql: string) {
  return (items: SqlNode[]): SqlNode[] => {
    const out = [...items];
    for (let i = 0; i < out.length; i++) {
      const by = next(out, i + 1);
      const all = next(out, by + 1);
      if (isWord(out[i], 'order') && isWord(out[by], 'by') && isWord(out[all], 'all')) {
        throw new DialectError('order by all is not translated', sql, at(out[i]));
      }
      if (!(isWord(out[i], 'group') && isWord(out[by], 'by') && isWord(out[all], 'all'))) continue;
      const selectAt = lastTopLevel(out, i, 'select');
      const fromAt = firstTopLevel(out, selectAt + 1, 'from');
      if (selectAt < 0 || fromAt < 0 || fromAt > i) {
        throw new DialectError('group by all without a SELECT … FROM before it', sql, at(out[i]));
      }
      let listStart = next(out, selectAt + 1);
      if (isWord(out[listStart], 'distinct')) listStart++;
      const keys: number[] = [];
      splitCommas(out.slice(listStart, fromAt)).forEach((item, k) => {
        if (text(item) === '*' || text(item).endsWith('.*')) {
          throw new DialectError('group by all over a star', sql, at(item.find((n) => n.kind !== 'space')));
        }
        if (!containsAggregate(item, sql)) keys.push(k + 1);
      });
      const replacement = keys.length ? parseSql(`group by ${keys.join(', ')}`) : [];
      out.splice(i, all - i + 1, ...replacement);
    }
    return out;
  };
}

// ---- 7. derived-table aliases ----

const NOT_AN_ALIAS = new Set([
  ...AFTER_FROM,
  'join',
  'left',
  'right',
  'full',
  'inner',
  'cross',
  'natural',
  'on',
  'using',
  'fetch',
  'for',
]);

function addDerivedTableAliases() {
  let counter = 0;
  return (items: SqlNode[]): SqlNode[] => {
    const out = [...items];
    for (let i = 0; i < out.length; i++) {
      if (!isWord(out[i], 'from', 'join')) continue;
      const g = next(out, i + 1);
      if (!isGroup(out[g], '(')) continue;
      const inner = (out[g] as Group).items;
      if (!isWord(inner[next(inner, 0)], 'select', 'with', 'values')) continue;
      const after = out[next(out, g + 1)];
      const aliased =
        isWord(after, 'as') ||
        after?.kind === 'quoted' ||
        (after?.kind === 'word' && !NOT_AN_ALIAS.has(after.text.toLowerCase()));
      if (!aliased) out.splice(g + 1, 0, ...parseSql(` as __derived_${++counter}`));
    }
    return out;
  };
}

// ---- 8. what is left must be PostgreSQL ----

const DUCKDB_ONLY_FUNCTIONS =
  /^(read_parquet|read_csv|read_csv_auto|read_json|parquet_scan|list_\w+|struct_\w+|columns|epoch_ms|regexp_full_match)$/i;

function refuseDuckdbOnly(items: readonly SqlNode[], sql: string): void {
  for (let i = 0; i < items.length; i++) {
    const n = items[i]!;
    if (n.kind === 'group') refuseDuckdbOnly(n.items, sql);
    else if (
      n.kind === 'word' &&
      DUCKDB_ONLY_FUNCTIONS.test(n.text) &&
      isGroup(items[next(items, i + 1)], '(')
    ) {
      throw new DialectError(`${n.text}() is DuckDB-only`, sql, n.at);
    } else if (isWord(n, 'qualify', 'exclude', 'pivot', 'unpivot')) {
      throw new DialectError(`'${n.text}' is DuckDB-only`, sql, n.at);
    } else if (n.kind === 'op' && ['->', '->>', '**', '=='].includes(n.text)) {
      throw new DialectError(`operator '${n.text}' is not translated`, sql, n.at);
    }
  }
}

/**
 * Translates one DuckDB statement (as the activity SQL generators write it) to PostgreSQL.
 * `columnsOf` is asked for the columns of each `* exclude (…)`; it runs DuckDB SQL, so the relations
 * the statement reads must exist in DuckDB under the same names as in PostgreSQL.
 */
export async function toPostgres(duckdbSql: string, columnsOf: ColumnResolver): Promise<string> {
  let nodes = await expandExcludes(parseSql(duckdbSql), duckdbSql, columnsOf);
  // Each step re-reads its input, so error offsets refer to the SQL as it stood before that step.
  const steps: ((sql: string) => (items: SqlNode[]) => SqlNode[])[] = [
    rewriteFunctions,
    () => rewriteLists,
    // Types before division: the division step writes PostgreSQL's `double precision` itself.
    rewriteTypes,
    rewriteDivision,
    rewriteGroupByAll,
    addDerivedTableAliases,
  ];
  for (const step of steps) {
    const sql = renderSql(nodes);
    nodes = mapLists(parseSql(sql), step(sql));
  }
  const result = renderSql(nodes);
  refuseDuckdbOnly(parseSql(result), result);
  return result;
}
