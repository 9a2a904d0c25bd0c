-- Written by hand: what drizzle-kit cannot derive from the schema (an extension, partial indexes,
-- triggers, a data fill). In order: search (typo vocabulary), queues, live updates, vocabulary
-- trigger, team load.
-- Typo tolerance: trigram similarity over the vocabulary of indexed Latin words (search/typo-tolerance.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "search_vocabulary_trgm_idx" ON "search_vocabulary" USING gin ("token" gin_trgm_ops);
--> statement-breakpoint
-- The words of tickets indexed before the vocabulary existed.
INSERT INTO "search_vocabulary" ("token")
  SELECT word FROM ts_stat('SELECT staff_vector FROM ticket_search') WHERE word ~ '^[a-z]{3,40}$'
  ON CONFLICT DO NOTHING;

--> statement-breakpoint
-- The workspace queue counts (queues/count-queues.ts) read open tickets only: a partial index holding
-- every column they group and filter on lets them count by an index-only scan, however much closed
-- work the table holds.
CREATE INDEX IF NOT EXISTS "tickets_open_queue_idx" ON "tickets" ("team", "organization_id", "assignee_id", "sla_state", "status")
  WHERE "status" IN ('new', 'open', 'in_progress', 'waiting_customer', 'waiting_vendor');

--> statement-breakpoint
-- Live updates (live/live-hub.ts): every timeline event, whichever code path writes it (one INSERT or
-- several statements batched as one), notifies the channel `hamkke_ticket`. PostgreSQL delivers a
-- NOTIFY at commit and never for a rollback, to every server process that LISTENs.
CREATE OR REPLACE FUNCTION hamkke_notify_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hamkke_ticket', json_build_object(
    'ticketId', NEW.ticket_id,
    'organizationId', (SELECT organization_id FROM tickets WHERE id = NEW.ticket_id),
    'kind', NEW.kind,
    'visibility', NEW.visibility)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS ticket_events_notify ON ticket_events;
--> statement-breakpoint
CREATE TRIGGER ticket_events_notify AFTER INSERT ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION hamkke_notify_ticket_event();

--> statement-breakpoint
-- The typo-tolerance vocabulary follows every write of a ticket's search documents, whichever code
-- path writes them (create in one statement, comments, edits, the backfill, the demo loader). The
-- lexemes of a tsvector come sorted, so concurrent writers take the vocabulary's keys in one order.
CREATE OR REPLACE FUNCTION hamkke_learn_search_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_vocabulary (token)
    SELECT w FROM unnest(tsvector_to_array(NEW.staff_vector)) AS w
    WHERE w ~ '^[a-z]{3,40}$'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ticket_search_learn_words
  AFTER INSERT OR UPDATE OF staff_vector ON ticket_search
  FOR EACH ROW EXECUTE FUNCTION hamkke_learn_search_words();

--> statement-breakpoint
-- Open work per assignee and priority: the weighted load that assignment and the load view read.
CREATE INDEX IF NOT EXISTS "tickets_open_assignee_idx" ON "tickets" ("assignee_id", "priority")
  WHERE "status" IN ('new', 'open', 'in_progress', 'waiting_customer', 'waiting_vendor');
