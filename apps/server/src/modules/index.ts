import type { ModuleManifest } from '../platform/modules.ts';
import { affiliationsModule } from './affiliations/manifest.ts';
import { apiTokensModule } from './api-tokens/manifest.ts';
import { attachmentsModule } from './attachments/manifest.ts';
import { auditModule } from './audit/manifest.ts';
import { authModule } from './auth/manifest.ts';
import { boardsModule } from './boards/manifest.ts';
import { calendarModule } from './calendar/manifest.ts';
import { caseImportsModule } from './cases/import/manifest.ts';
import { casesModule } from './cases/manifest.ts';
import { categoriesModule } from './categories/manifest.ts';
import { communityModule } from './community/manifest.ts';
import { deliberationModule } from './deliberation/manifest.ts';
import { formsModule } from './forms/manifest.ts';
import { guidesModule } from './guides/manifest.ts';
import { healthModule } from './health/manifest.ts';
import { joinModule } from './join/manifest.ts';
import { noticesModule } from './notices/manifest.ts';
import { notificationsModule } from './notifications/manifest.ts';
import { open311Module } from './open311/manifest.ts';
import { orgModule } from './org/manifest.ts';
import { peopleModule } from './people/manifest.ts';
import { registryModule } from './registry/manifest.ts';
import { votesModule } from './votes/manifest.ts';
import { webhooksModule } from './webhooks/manifest.ts';

/** Every feature module, registered by its manifest. */
export const MODULES: readonly ModuleManifest[] = [
  healthModule,
  authModule,
  orgModule,
  joinModule,
  peopleModule,
  auditModule,
  communityModule,
  categoriesModule,
  calendarModule,
  attachmentsModule,
  casesModule,
  caseImportsModule,
  notificationsModule,
  registryModule,
  noticesModule,
  boardsModule,
  affiliationsModule,
  guidesModule,
  apiTokensModule,
  open311Module,
  webhooksModule,
  deliberationModule,
  votesModule,
  formsModule,
];
