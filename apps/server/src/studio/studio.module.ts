import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { StudioController } from './studio.controller';
import { StudioService } from './studio.service';
import { StudioWorkers } from './studio-workers';

/** The authoring studio: drafts, validation and analysis in a worker thread, published versions. */
@Module({
  imports: [AccountsModule, CatalogueModule],
  controllers: [StudioController],
  providers: [StudioService, StudioWorkers],
})
export class StudioModule {}
