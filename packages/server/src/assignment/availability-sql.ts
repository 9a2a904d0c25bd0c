import { sql } from 'drizzle-orm';

/** Today's date in Seoul, the day availability is judged on. */
export const SEOUL_TODAY = sql`(now() AT TIME ZONE 'Asia/Seoul')::date`;

/** SQL: the person (users `u`, agent_availability `av`) is away today. */
export const IS_AWAY = sql`coalesce(av.status = 'away' AND (av.away_until IS NULL OR av.away_until >= ${SEOUL_TODAY}), false)`;

/** SQL: the person (users `u`) is an active staff member who works tickets. */
export const IS_WORKER = sql`(u.is_active AND u.role IN ('agent', 'manager', 'admin'))`;

/** SQL: one open ticket `t` weighted by priority (P1 4, P2 3, P3 2, P4 1; LOAD_WEIGHTS in core). */
export const TICKET_WEIGHT = sql`CASE t.priority WHEN 'P1' THEN 4 WHEN 'P2' THEN 3 WHEN 'P3' THEN 2 ELSE 1 END`;

/** SQL: the ticket `t` is open (OPEN_STATUSES in core); matches the partial index tickets_open_assignee_idx. */
export const IS_OPEN = sql`t.status IN ('new', 'open', 'in_progress', 'waiting_customer', 'waiting_vendor')`;

/** SQL: the share (0–100+) of the person's (users `u`) time on project deployments today. */
export const DEPLOYED_PERCENT = sql`(SELECT coalesce(sum(d.share_percent), 0)::int FROM deployments d
  WHERE d.user_id = u.id AND ${SEOUL_TODAY} BETWEEN d.starts_on AND d.ends_on)`;
