import type { DataSource } from 'typeorm';

/**
 * The shape of a migrated schema in terms both engines share, so the SQLite and PostgreSQL
 * migrations can be compared: per table, its columns in order (normalised type, NOT NULL,
 * default, collation), primary key, unique keys, other indexes (with a partial index's
 * predicate as its column and literals), foreign keys, CHECKs (column and allowed literals) and
 * triggers. TypeORM's own `migrations` table is left out.
 */
export interface ColumnShape {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  collation: string | null;
}

export interface TableShape {
  columns: ColumnShape[];
  primaryKey: string[];
  uniques: string[];
  indexes: string[];
  foreignKeys: string[];
  checks: string[];
  triggers: string[];
}

export type SchemaShape = Record<string, TableShape>;

const IGNORED_TABLES = new Set(['migrations']);

/**
 * Engine type names onto one vocabulary; anything unknown keeps its name, marked, so it differs.
 * SQLite's REAL is an 8-byte float: PostgreSQL's `real` is 4 bytes and does not match it.
 */
function normaliseType(engine: 'sqlite' | 'postgres', raw: string): string {
  const type = raw.trim().toLowerCase();
  if (type === 'varchar' || type === 'character varying') return 'varchar';
  if (type === 'text') return 'text';
  if (type === 'integer') return 'integer';
  if (engine === 'sqlite' ? type === 'real' : type === 'double precision') return 'float8';
  if (engine === 'sqlite' ? type === 'datetime' : type.startsWith('timestamp')) return 'timestamp';
  return `${engine}:${type}`;
}

/** Defaults without PostgreSQL's casts; "the current time" is one value in both. */
function normaliseDefault(raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.trim().replace(/::[a-z ]+(\[\])?$/i, '');
  if (/^(now\(\)|datetime\('now'\)|CURRENT_TIMESTAMP)$/i.test(value)) return 'now';
  return value.replace(/^\((.*)\)$/, '$1');
}

/** `column: 'a'|'b'` from a CHECK's text: the column and the literals it allows, in order. */
function checkShape(column: string, expression: string): string {
  const literals = [...expression.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1] ?? '');
  return `${column}: ${literals.join('|')}`;
}

const sorted = (values: string[]) => [...values].sort();

/**
 * ` WHERE column: 'a'|'b'` for a partial index's predicate (the column it tests and the literals
 * it allows, in order), '' for a whole index: SQLite keeps the text as written, PostgreSQL its
 * own rendering with casts.
 */
function predicateShape(predicate: string | null | undefined): string {
  if (!predicate) return '';
  const column = /^[\s("]*([a-z_]+)/i.exec(predicate)?.[1] ?? predicate;
  return ` WHERE ${checkShape(column, predicate)}`;
}

export async function sqliteShape(dataSource: DataSource): Promise<SchemaShape> {
  const q = <T>(sql: string, params: unknown[] = []) =>
    dataSource.query(sql, params) as Promise<T[]>;
  const tables = await q<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const triggers = await q<{ name: string; tbl_name: string; sql: string }>(
    `SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`,
  );
  const shape: SchemaShape = {};
  for (const table of tables) {
    if (IGNORED_TABLES.has(table.name)) continue;
    const info = await q<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>(`SELECT * FROM pragma_table_info(?)`, [table.name]);
    // One column definition per line in these migrations (ALTER TABLE appends the same way).
    const definition = (column: string) =>
      table.sql.split('\n').find((line) => line.trim().startsWith(`"${column}" `)) ?? '';
    const columns = info.map((c) => ({
      name: c.name,
      type: normaliseType('sqlite', c.type),
      notNull: c.notnull === 1 || c.pk > 0,
      default: normaliseDefault(c.dflt_value),
      collation: /COLLATE\s+NOCASE/i.test(definition(c.name)) ? 'nocase' : null,
    }));
    const checks = info.flatMap((c) => {
      const match = /CHECK\s*\((.*)\)/i.exec(definition(c.name));
      return match?.[1] ? [checkShape(c.name, match[1])] : [];
    });
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const indexList = await q<{ name: string; unique: number; origin: string; partial: number }>(
      `SELECT * FROM pragma_index_list(?)`,
      [table.name],
    );
    const indexSql = new Map(
      (
        await q<{ name: string; sql: string | null }>(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`,
          [table.name],
        )
      ).map((i) => [i.name, i.sql ?? ''] as const),
    );
    const uniques: string[] = [];
    const indexes: string[] = [];
    for (const index of indexList) {
      if (index.origin === 'pk') continue;
      const cols = (
        await q<{ name: string; seqno: number }>(`SELECT * FROM pragma_index_info(?)`, [index.name])
      )
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name)
        .join(', ');
      if (index.origin === 'u') uniques.push(`(${cols})`);
      else {
        const predicate =
          index.partial === 1
            ? /\bWHERE\b([\s\S]*)$/i.exec(indexSql.get(index.name) ?? '')?.[1]?.trim()
            : undefined;
        indexes.push(
          `${index.name}${index.unique ? ' UNIQUE' : ''} (${cols})${predicateShape(predicate)}`,
        );
      }
    }
    const fks = await q<{
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }>(`SELECT * FROM pragma_foreign_key_list(?)`, [table.name]);
    const byId = new Map<number, typeof fks>();
    for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
    const foreignKeys = [...byId.values()].map((parts) => {
      const ordered = [...parts].sort((a, b) => a.seq - b.seq);
      const first = ordered[0];
      return `(${ordered.map((p) => p.from).join(', ')}) -> ${first?.table}(${ordered
        .map((p) => p.to)
        .join(', ')}) ON DELETE ${first?.on_delete.toUpperCase()}`;
    });
    shape[table.name] = {
      columns,
      primaryKey,
      uniques: sorted(uniques),
      indexes: sorted(indexes),
      foreignKeys: sorted(foreignKeys),
      checks: sorted(checks),
      triggers: sorted(
        triggers
          .filter((t) => t.tbl_name === table.name)
          .map((t) => {
            const m = /\b(BEFORE|AFTER|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(t.sql);
            return `${t.name} ${m?.[1]?.toUpperCase()} ${m?.[2]?.toUpperCase()}`;
          }),
      ),
    };
  }
  return shape;
}

const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

export async function postgresShape(dataSource: DataSource, schema: string): Promise<SchemaShape> {
  const q = <T>(sql: string, params: unknown[] = []) =>
    dataSource.query(sql, params) as Promise<T[]>;
  const tables = await q<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [schema],
  );
  const shape: SchemaShape = {};
  for (const { table_name: table } of tables) {
    if (IGNORED_TABLES.has(table)) continue;
    const columns = await q<{
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      collation_name: string | null;
    }>(
      `SELECT column_name, data_type, is_nullable, column_default, collation_name
         FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
      [schema, table],
    );
    const relation = `${quote(schema)}.${quote(table)}`;
    // Every constraint and index with its columns in key order.
    const constraints = await q<{
      contype: string;
      columns: string[];
      def: string;
      ondelete: string;
      target: string | null;
      target_columns: string[] | null;
    }>(
      `SELECT c.contype,
              ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
              pg_get_constraintdef(c.oid) AS def,
              c.confdeltype AS ondelete,
              CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS target,
              CASE WHEN c.contype = 'f' THEN ARRAY(
                SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) END
                AS target_columns
         FROM pg_constraint c WHERE c.conrelid = $1::regclass`,
      [relation],
    );
    const indexes = await q<{
      name: string;
      unique: boolean;
      columns: string[];
      predicate: string | null;
    }>(
      `SELECT i.relname AS name, x.indisunique AS unique,
              pg_get_expr(x.indpred, x.indrelid) AS predicate,
              ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o) AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)`,
      [relation],
    );
    const triggers = await q<{ name: string; timing: string; event: string }>(
      `SELECT trigger_name AS name, action_timing AS timing, event_manipulation AS event
         FROM information_schema.triggers WHERE event_object_schema = $1 AND event_object_table = $2`,
      [schema, table],
    );
    const primary = constraints.find((c) => c.contype === 'p');
    shape[table] = {
      columns: columns.map((c) => ({
        name: c.column_name,
        type: normaliseType('postgres', c.data_type),
        notNull: c.is_nullable === 'NO',
        default: normaliseDefault(c.column_default),
        collation: c.collation_name,
      })),
      primaryKey: primary?.columns ?? [],
      uniques: sorted(
        constraints.filter((c) => c.contype === 'u').map((c) => `(${c.columns.join(', ')})`),
      ),
      indexes: sorted(
        indexes.map(
          (i) =>
            `${i.name}${i.unique ? ' UNIQUE' : ''} (${i.columns.join(', ')})${predicateShape(i.predicate)}`,
        ),
      ),
      foreignKeys: sorted(
        constraints
          .filter((c) => c.contype === 'f')
          .map(
            (c) =>
              `(${c.columns.join(', ')}) -> ${unquote(c.target ?? '')}(${(c.target_columns ?? []).join(', ')}) ON DELETE ${ON_DELETE[c.ondelete] ?? c.ondelete}`,
          ),
      ),
      checks: sorted(
        constraints
          .filter((c) => c.contype === 'c')
          .map((c) => checkShape(c.columns.join(', '), c.def)),
      ),
      triggers: sorted(triggers.map((t) => `${t.name} ${t.timing} ${t.event}`)),
    };
  }
  return shape;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** regclass text is schema-qualified only off the search path, and quoted only when it must be. */
function unquote(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.replace(/^"(.*)"$/, '$1');
}
