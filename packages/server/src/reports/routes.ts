import {
  ZCreateReportRun,
  ZIdParam,
  ZMailReport,
  ZMailReportResult,
  ZMonthlyReport,
  ZMonthlyReportList,
  ZMonthlyReportListQuery,
  ZMonthlyReportQuery,
  ZReportMonthParams,
  ZReportRun,
  ZSignOffReport,
  ZUpdateReportRemarks,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { getMonthlyReport } from './get-monthly-report.js';
import { listMonthReports, listOrganizationReports } from './list-reports.js';
import { mailReport } from './mail-report.js';
import { regenerateReport } from './regenerate-report.js';
import { dispositionFor, formatFor, renderReportFile, XLSX_TYPE } from './report-files.js';
import { createReportRun, getReportRun } from './report-runs.js';
import { signOffReport } from './sign-off-report.js';
import { updateReportRemarks } from './update-report-remarks.js';

const tags = ['reports'];
/** JSON, or the PDF / XLSX file (`format=` or `Accept`); files carry no JSON schema. */
const ZReportOrFile = z.union([ZMonthlyReport, z.instanceof(Buffer)]);

export const reportRoutes: TRoutes = async (app) => {
  app.get(
    '/organizations/:id/reports/monthly',
    {
      schema: { tags, params: ZIdParam, querystring: ZMonthlyReportQuery, response: { 200: ZReportOrFile } },
    },
    async (req, reply) => {
      const report = await getMonthlyReport(req.actor!, req.params.id, req.query.month);
      const format = formatFor(req.query.format, req.headers.accept);
      if (format === 'json') return report;
      const file = await renderReportFile(report, format, req.query.lang ?? req.actor!.locale);
      return reply
        .type(format === 'pdf' ? 'application/pdf' : XLSX_TYPE)
        .header('content-disposition', dispositionFor(report, format))
        .header('x-content-type-options', 'nosniff')
        .send(file);
    },
  );
  app.get(
    '/organizations/:id/reports',
    { schema: { tags, params: ZIdParam, response: { 200: ZMonthlyReportList } } },
    async (req) => ({ items: await listOrganizationReports(req.actor!, req.params.id) }),
  );
  app.put(
    '/organizations/:id/reports/monthly/:month/remarks',
    {
      schema: {
        tags,
        params: ZReportMonthParams,
        body: ZUpdateReportRemarks,
        response: { 200: ZMonthlyReport },
      },
    },
    async (req) => updateReportRemarks(req.actor!, req.params.id, req.params.month, req.body),
  );
  app.post(
    '/organizations/:id/reports/monthly/:month/sign-off',
    { schema: { tags, params: ZReportMonthParams, body: ZSignOffReport, response: { 200: ZMonthlyReport } } },
    async (req) => signOffReport(req.actor!, req.params.id, req.params.month),
  );
  app.post(
    '/organizations/:id/reports/monthly/:month/regenerate',
    { schema: { tags, params: ZReportMonthParams, body: ZSignOffReport, response: { 200: ZMonthlyReport } } },
    async (req) => regenerateReport(req.actor!, req.params.id, req.params.month),
  );
  app.post(
    '/organizations/:id/reports/monthly/:month/mail',
    { schema: { tags, params: ZReportMonthParams, body: ZMailReport, response: { 200: ZMailReportResult } } },
    async (req) => mailReport(req.actor!, req.params.id, req.params.month, req.body),
  );
  app.get(
    '/reports/monthly',
    { schema: { tags, querystring: ZMonthlyReportListQuery, response: { 200: ZMonthlyReportList } } },
    async (req) => ({ items: await listMonthReports(req.actor!, req.query.month) }),
  );
  app.post(
    '/reports/monthly/runs',
    { schema: { tags, body: ZCreateReportRun, response: { 201: ZReportRun } } },
    async (req, reply) => reply.code(201).send(await createReportRun(req.actor!, req.body, req.log)),
  );
  app.get(
    '/reports/monthly/runs/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZReportRun } } },
    async (req) => getReportRun(req.actor!, req.params.id),
  );
};
