import { PostgresBaseline1765065600000 } from './1765065600000-PostgresBaseline';
import { ReportOrderColumns1765152005000 } from './1765152005000-ReportOrderColumns';
import { SessionLeases1765152008000 } from './1765152008000-SessionLeases';
import { LeanEventAppends1765152010000 } from './1765152010000-LeanEventAppends';

/**
 * Every PostgreSQL migration, oldest first, run by TypeORM at start like the SQLite list.
 *
 * Convention: the baseline is the SQLite schema up to its timestamp. Every later schema change is
 * a pair: `<timestamp>-<Name>.ts` here and in ../sqlite, with the same timestamp and class name,
 * each written in its own dialect. The schema test checks the pairing and that both lists end in
 * the same tables, columns, keys and indexes.
 */
export const postgresMigrations = [
  PostgresBaseline1765065600000,
  ReportOrderColumns1765152005000,
  SessionLeases1765152008000,
  LeanEventAppends1765152010000,
];

/** The last SQLite migration the baseline stands for (its timestamp). */
export const POSTGRES_BASELINE_TIMESTAMP = 1765065600000;
