import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/routes.js';
import { registerAuthHook } from './auth/auth-hook.js';
import { authRoutes } from './auth/routes.js';
import { calendarRoutes } from './calendars/routes.js';
import type { TConfig } from './config.js';
import { contractRoutes } from './contracts/routes.js';
import { csatPageRoutes } from './csat/page-routes.js';
import { csatRoutes } from './csat/routes.js';
import { dashboardRoutes } from './dashboards/routes.js';
import { healthRoutes } from './health/routes.js';
import { HttpMetrics, registerMetricsHook } from './http/metrics.js';
import { localeOf, registerProblemHandler, sendProblem } from './http/problem.js';
import { setPublicUrl } from './http/public-url.js';
import { validatorCompiler } from './http/validation.js';
import { improvementRoutes } from './improvements/routes.js';
import { calendarFeedPageRoutes } from './inspections/page-routes.js';
import { inspectionRoutes } from './inspections/routes.js';
import { knowledgeRoutes } from './knowledge/routes.js';
import { liveRoutes } from './live/routes.js';
import { mailInRoutes } from './mail-in/routes.js';
import { mailOutRoutes } from './mail-out/routes.js';
import { meetingRoutes } from './meetings/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { oncallRoutes } from './oncall/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { queueRoutes } from './queues/routes.js';
import { reportRoutes } from './reports/routes.js';
import { searchRoutes } from './search/routes.js';
import { slaPolicyRoutes } from './sla-policies/routes.js';
import { systemRoutes } from './systems/routes.js';
import { teamRoutes } from './teams/routes.js';
import { ticketRoutes } from './tickets/routes.js';
import { userRoutes } from './users/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: TConfig;
  }
}

/** Builds the HTTP app on the process's database (see db/current.ts). */
export async function buildApp(
  config: TConfig,
  opts: { logger?: boolean | object } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: process.env.HAMKKE_TRUST_PROXY === 'true',
    ajv: undefined,
  });
  app.decorate('config', config);
  setPublicUrl(config.publicUrl);
  // Bodies are JSON or multipart only: a text/plain body is what a foreign page can post without asking.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // Responses are shaped by typed presenters (checked by the compiler against the same zod types), so
  // they are not validated again at run time: that cost 0.2 ms per ticket of a list (bench/README.md).
  // The zod response schemas still describe every answer in the OpenAPI document.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerProblemHandler(app);

  const metrics = new HttpMetrics();
  registerMetricsHook(app, metrics);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 10 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hamkke ITSM API',
        version: '1',
        description:
          'IT service management for SAP application management services. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hamkke_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthHook(app);
  await app.register(healthRoutes(metrics));
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(organizationRoutes);
      await api.register(systemRoutes);
      await api.register(contractRoutes);
      await api.register(ticketRoutes);
      await api.register(auditRoutes);
      await api.register(calendarRoutes);
      await api.register(slaPolicyRoutes);
      await api.register(notificationRoutes);
      await api.register(searchRoutes);
      await api.register(mailOutRoutes);
      await api.register(knowledgeRoutes);
      await api.register(csatRoutes);
      await api.register(inspectionRoutes);
      await api.register(liveRoutes);
      await api.register(queueRoutes);
      await api.register(mailInRoutes);
      await api.register(teamRoutes);
      await api.register(improvementRoutes);
      await api.register(reportRoutes);
      await api.register(oncallRoutes);
      await api.register(meetingRoutes);
      await api.register(dashboardRoutes);
    },
    { prefix: '/api/v1' },
  );

  // The survey page of the satisfaction mail: outside the API, answered without signing in.
  await app.register(csatPageRoutes);
  // The iCalendar feeds: outside the API, the secret address is the credential (calendar apps send no cookies).
  await app.register(calendarFeedPageRoutes);
  await serveWebApp(app, config.webDistDir);
  return app;
}

/** Serves the built single-page app at `/`, with unknown non-API paths falling back to index.html. */
async function serveWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, { root: distDir, wildcard: false });
  // The problem handler owns not-found (a second handler throws at start), so the app's deep links
  // are a catch-all GET route; the built files are exact routes (wildcard: false) and win over it.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const isAppRoute = !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (!isAppRoute) return sendProblem(reply, 404, localeOf(request), `GET ${request.url.split('?')[0]}`);
    return reply.sendFile('index.html');
  });
}
