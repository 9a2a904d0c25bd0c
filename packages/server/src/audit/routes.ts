import { ZAuditEntry, ZAuditQuery, zPage } from '@hamkke/core';
import type { TRoutes } from '../http/types.js';
import { listAudit } from './list-audit.js';

export const auditRoutes: TRoutes = async (app) => {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: zPage(ZAuditEntry) } } },
    async (req) => listAudit(req.actor!, req.query),
  );
};
