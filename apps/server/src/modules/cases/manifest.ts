import { api } from '@linli/contracts';
import QRCode from 'qrcode';
import { type ModuleManifest, route } from '../../platform/modules.ts';
import * as commands from './commands.ts';
import * as duplicates from './duplicates.ts';
import { report, reportPlaces } from './intake.ts';
import * as listing from './listing.ts';
import { caseMap } from './map.ts';
import { notificationSubscribers } from './notify-rules.ts';
import { caseAttachment, checkPhotos } from './photos.ts';
import * as qr from './qr.ts';
import { rates } from './rates.ts';
import { slaSubscriber } from './sla-job.ts';
import { toDetail } from './views.ts';

/** Inboxes and lists write nothing: no transaction (see RouteOptions.readOnly). */
const READ = { readOnly: true } as const;

export const casesModule: ModuleManifest = {
  name: 'cases',
  routes: [
    route(api.cases.reportCase, async (ctx, { body }) => {
      const saved = await report(ctx, body, (ids) => checkPhotos(ctx, ids, '/attachments'));
      return toDetail(ctx, saved.row, saved.state, 'full');
    }),
    route(api.cases.reportPlaces, (ctx, { query }) => reportPlaces(ctx, query.communityId)),
    route(api.cases.caseDepartments, (ctx) => listing.departments(ctx)),
    route(api.cases.listCases, (ctx, { query }) => listing.list(ctx, query), READ),
    route(api.cases.inboxCounts, (ctx, { query }) => listing.counts(ctx, query.nodeId), READ),
    route(api.cases.myCases, (ctx, { query }) => listing.mine(ctx, query), READ),
    route(api.cases.publicCases, (ctx, { query }) => listing.publicList(ctx, query), READ),
    route(api.cases.duplicateSuggestions, (ctx, { query }) => duplicates.suggest(ctx, query)),
    route(api.cases.getCase, (ctx, { params }) => commands.detail(ctx, params.id)),
    route(api.cases.runCommand, (ctx, { params, body }) =>
      commands.run(ctx, params.id, body, (ids, path) => checkPhotos(ctx, ids, path)),
    ),
    route(api.cases.mergeCase, (ctx, { params, body }) => commands.merge(ctx, params.id, body)),
    route(api.cases.bulkAccept, (ctx, { body }) => commands.bulkAccept(ctx, body.items)),
    // Photos never change (named by content): the browser may keep them, privately.
    route(api.cases.caseAttachment, (ctx, { params }) => caseAttachment(ctx, params.id, params.attachmentId), {
      cacheControl: 'private, max-age=31536000, immutable',
    }),
    route(api.caseRates.caseRates, (ctx, { query }) => rates(ctx, query)),
    route(api.caseMap.caseMap, (ctx, { query }) => caseMap(ctx, query)),
    route(api.caseLinks.getCaseLink, (ctx, { params }) => qr.caseLink(ctx, params.placeId)),
    route(api.caseLinks.rotateCaseLink, (ctx, { params }) => qr.caseLink(ctx, params.placeId, true)),
    route(api.caseLinks.caseLinkQr, async (ctx, { params }) => {
      const link = await qr.caseLink(ctx, params.placeId);
      const opts = { errorCorrectionLevel: 'H' as const, margin: 2, width: 600 };
      ctx.reply.header('content-disposition', `inline; filename="report-${params.placeId}.${params.format}"`);
      if (params.format === 'svg') {
        ctx.reply.type('image/svg+xml');
        return QRCode.toString(link.url, { ...opts, type: 'svg' });
      }
      ctx.reply.type('image/png');
      return QRCode.toBuffer(link.url, opts);
    }),
    route(api.caseLinks.qrReportInfo, (ctx, { params }) => qr.reportInfo(ctx, params.token), {
      rateLimitPerMinute: () => 60,
    }),
    route(
      api.caseLinks.qrReport,
      (ctx, { params, body }) => qr.reportByQr(ctx, params.token, body, (ids) => checkPhotos(ctx, ids, '/attachments')),
      { rateLimitPerMinute: (p) => p.config.qrReportsPerMinute },
    ),
    route(api.caseLinks.trackCase, (ctx, { params }) => qr.track(ctx, params.key), { rateLimitPerMinute: () => 60 }),
  ],
  subscribers: [slaSubscriber, ...notificationSubscribers],
};
