-- Written by hand: the dashboards' timeline facts and time rollup, kept by triggers, their backfill, and
-- the indexes the dashboard figures read by (docs/dashboards.md).
-- Every timeline event that reopens a ticket (a status change out of `resolved` other than to `closed`)
-- or is a public comment by staff counts into ticket_dashboard_facts, whichever code path writes it.
CREATE OR REPLACE FUNCTION hamkke_dashboard_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'changed'
     AND NEW.data -> 'changes' @> '[{"field":"status","from":"resolved"}]'::jsonb
     AND NOT NEW.data -> 'changes' @> '[{"field":"status","to":"closed"}]'::jsonb THEN
    INSERT INTO ticket_dashboard_facts (ticket_id, reopen_count) VALUES (NEW.ticket_id, 1)
      ON CONFLICT (ticket_id) DO UPDATE SET reopen_count = ticket_dashboard_facts.reopen_count + 1;
  ELSIF NEW.kind = 'comment' AND NEW.visibility = 'public' AND EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.actor_id AND u.role IN ('admin', 'manager', 'agent')) THEN
    INSERT INTO ticket_dashboard_facts (ticket_id, public_staff_replies) VALUES (NEW.ticket_id, 1)
      ON CONFLICT (ticket_id) DO UPDATE SET public_staff_replies = ticket_dashboard_facts.public_staff_replies + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS hamkke_dashboard_facts ON ticket_events;
--> statement-breakpoint
CREATE TRIGGER hamkke_dashboard_facts AFTER INSERT ON ticket_events
  FOR EACH ROW WHEN (NEW.kind IN ('changed', 'comment')) EXECUTE FUNCTION hamkke_dashboard_facts();
--> statement-breakpoint
-- The timelines written before the trigger existed.
INSERT INTO ticket_dashboard_facts (ticket_id, reopen_count, public_staff_replies)
  SELECT e.ticket_id,
         count(*) FILTER (WHERE e.kind = 'changed'
           AND e.data -> 'changes' @> '[{"field":"status","from":"resolved"}]'::jsonb
           AND NOT e.data -> 'changes' @> '[{"field":"status","to":"closed"}]'::jsonb)::int,
         count(*) FILTER (WHERE e.kind = 'comment' AND e.visibility = 'public'
           AND u.role IN ('admin', 'manager', 'agent'))::int
    FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id
   WHERE e.kind IN ('changed', 'comment')
   GROUP BY e.ticket_id
  HAVING count(*) FILTER (WHERE e.kind = 'changed'
           AND e.data -> 'changes' @> '[{"field":"status","from":"resolved"}]'::jsonb
           AND NOT e.data -> 'changes' @> '[{"field":"status","to":"closed"}]'::jsonb) > 0
      OR count(*) FILTER (WHERE e.kind = 'comment' AND e.visibility = 'public'
           AND u.role IN ('admin', 'manager', 'agent')) > 0
ON CONFLICT (ticket_id) DO NOTHING;
--> statement-breakpoint
-- The figures read tickets by creation (flow, SLA, response times) and by resolution (flow, resolution
-- times, reopen, first-contact) over the asked range only; these covering indexes hold every column
-- they group and filter on, so a range is counted by an index-only scan.
CREATE INDEX IF NOT EXISTS "tickets_dashboard_created_idx" ON "tickets" ("created_at")
  INCLUDE ("status", "priority", "organization_id", "module", "team", "response_state", "resolution_state", "first_response_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_dashboard_resolved_idx" ON "tickets" ("resolved_at")
  INCLUDE ("status", "organization_id", "module", "team", "created_at", "id") WHERE "resolved_at" IS NOT NULL;
--> statement-breakpoint
-- The backlog: tickets open now (not resolved, not cancelled).
CREATE INDEX IF NOT EXISTS "tickets_unresolved_idx" ON "tickets" ("created_at")
  INCLUDE ("organization_id", "module", "team") WHERE "resolved_at" IS NULL AND "status" <> 'cancelled';
--> statement-breakpoint
-- Reopen and first-contact join only the tickets that count against first contact: a few percent.
CREATE INDEX IF NOT EXISTS "ticket_dashboard_facts_counted_idx" ON "ticket_dashboard_facts" ("ticket_id")
  INCLUDE ("reopen_count") WHERE "reopen_count" > 0 OR "public_staff_replies" > 1;
--> statement-breakpoint
-- Hours per customer and the time click-through read time entries by work date.
CREATE INDEX IF NOT EXISTS "time_entries_date_idx" ON "time_entries" ("work_date") INCLUDE ("ticket_id", "minutes", "billable");
--> statement-breakpoint
-- Written by hand: dashboard_time_days kept by a trigger on time_entries (whatever writes them), and
-- its fill from the time entries written before. A ticket's customer never changes, so the row a
-- time entry counts in only moves when the entry itself changes.
CREATE OR REPLACE FUNCTION hamkke_dashboard_time() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE dashboard_time_days d SET minutes = d.minutes - OLD.minutes
      FROM tickets t
     WHERE t.id = OLD.ticket_id AND d.work_date = OLD.work_date AND d.organization_id = t.organization_id
       AND d.user_id = OLD.user_id AND d.work_class = OLD.work_class AND d.billable = OLD.billable;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO dashboard_time_days (work_date, organization_id, user_id, work_class, billable, minutes)
      SELECT NEW.work_date, t.organization_id, NEW.user_id, NEW.work_class, NEW.billable, NEW.minutes
        FROM tickets t WHERE t.id = NEW.ticket_id
      ON CONFLICT (work_date, organization_id, user_id, work_class, billable)
      DO UPDATE SET minutes = dashboard_time_days.minutes + EXCLUDED.minutes;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS hamkke_dashboard_time ON time_entries;
--> statement-breakpoint
CREATE TRIGGER hamkke_dashboard_time AFTER INSERT OR UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION hamkke_dashboard_time();
--> statement-breakpoint
INSERT INTO dashboard_time_days (work_date, organization_id, user_id, work_class, billable, minutes)
  SELECT te.work_date, t.organization_id, te.user_id, te.work_class, te.billable, sum(te.minutes)::int
    FROM time_entries te JOIN tickets t ON t.id = te.ticket_id
   GROUP BY 1, 2, 3, 4, 5
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Hours per customer over all customers read by day; of one customer by customer and day.
CREATE INDEX IF NOT EXISTS "dashboard_time_days_org_idx" ON "dashboard_time_days" ("organization_id", "work_date")
  INCLUDE ("user_id", "billable", "minutes");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dashboard_time_days_date_idx" ON "dashboard_time_days" ("work_date")
  INCLUDE ("organization_id", "user_id", "billable", "minutes");
