import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SQL_CLIENT, type SqlClient } from '../database/sql';
import { AccountsModule } from '../accounts/accounts.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { KnowledgeService } from '../learning/knowledge.service';
import { LearningController } from '../learning/learning.controller';
import { AarService } from '../reports/aar.service';
import { ParticipationService } from '../reports/participation.service';
import { RealtimeModule } from '../realtime/realtime.module';
import { ReportsController } from '../reports/reports.controller';
import { SessionAccess } from './session-access';
import { SessionHub } from './session-hub';
import { SessionOwnership } from './session-ownership';
import { PostgresEventStore } from './postgres-event-store';
import { SESSION_REPOSITORY, SqlSessionRepository } from './session-repository';
import { SessionStore } from './session-store';
import { SessionViews } from './session-views';
import { SessionsController } from './sessions.controller';
import { SessionsGateway } from './sessions.gateway';
import { EVENT_STORE, SessionsService } from './sessions.service';
import { SqliteEventStore } from './sqlite-event-store';

/** Live sessions: the event-sourced command path, the socket gateway and the session REST API. */
@Module({
  imports: [AccountsModule, CatalogueModule, RealtimeModule],
  controllers: [SessionsController, LearningController, ReportsController],
  providers: [
    SessionStore,
    {
      // PostgreSQL serialises appends per session with an advisory lock (several servers may share
      // the database); SQLite with its one write lock.
      provide: EVENT_STORE,
      useFactory: (sql: SqlClient, store: SessionStore, dataSource: DataSource) =>
        sql.dialect === 'postgres'
          ? new PostgresEventStore(dataSource)
          : new SqliteEventStore(store),
      inject: [SQL_CLIENT, SessionStore, DataSource],
    },
    {
      provide: SESSION_REPOSITORY,
      useFactory: (store: SessionStore) => new SqlSessionRepository(store),
      inject: [SessionStore],
    },
    SessionViews,
    SessionHub,
    SessionOwnership,
    SessionsService,
    SessionsGateway,
    SessionAccess,
    KnowledgeService,
    AarService,
    ParticipationService,
  ],
  exports: [SessionsService, SESSION_REPOSITORY, SessionAccess, KnowledgeService],
})
export class SessionsModule {}
