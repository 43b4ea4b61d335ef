import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';

/** Courses (cohorts) of sessions, their trends and the knowledge check a course carries. */
@Module({
  imports: [AccountsModule, SessionsModule],
  controllers: [CoursesController],
  providers: [CoursesService],
})
export class CoursesModule {}
