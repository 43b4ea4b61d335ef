import { CreateServerMeta1764374400000 } from './1764374400000-CreateServerMeta';
import { CreateSessions1764460800000 } from './1764460800000-CreateSessions';
import { CreateReviewLinks1764547200000 } from './1764547200000-CreateReviewLinks';
import { CreateStudio1764633600000 } from './1764633600000-CreateStudio';
import { CreateKnowledgeAnswers1764720000000 } from './1764720000000-CreateKnowledgeAnswers';
import { CommandDigestsAndLinkExpiry1764806400000 } from './1764806400000-CommandDigestsAndLinkExpiry';
import { CreateCourses1764892800000 } from './1764892800000-CreateCourses';
import { CreateReports1764979300000 } from './1764979300000-CreateReports';
import { SessionDetails1765065600000 } from './1765065600000-SessionDetails';
import { ReportOrderColumns1765152005000 } from './1765152005000-ReportOrderColumns';
import { SessionLeases1765152008000 } from './1765152008000-SessionLeases';
import { LeanEventAppends1765152010000 } from './1765152010000-LeanEventAppends';

/**
 * Every SQLite migration, oldest first. TypeORM runs the pending ones at start
 * (migrationsRun) and records them in the `migrations` table.
 * Add a new file `<timestamp>-<Name>.ts` in this folder and append its class here.
 */
export const sqliteMigrations = [
  CreateServerMeta1764374400000,
  CreateSessions1764460800000,
  CreateReviewLinks1764547200000,
  CreateStudio1764633600000,
  CreateKnowledgeAnswers1764720000000,
  CommandDigestsAndLinkExpiry1764806400000,
  CreateCourses1764892800000,
  CreateReports1764979300000,
  SessionDetails1765065600000,
  ReportOrderColumns1765152005000,
  SessionLeases1765152008000,
  LeanEventAppends1765152010000,
];
