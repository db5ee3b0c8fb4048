-- The public catalogue's rate limit counted in the database, shared by every API replica (decision 0029),
-- instead of a map in each process. One row per caller and one-minute window; a request is one upsert
-- that returns the window's count. UNLOGGED: the counts are worth nothing after a crash (PostgreSQL
-- empties the table on recovery, which at worst forgives a minute's requests), and skipping the WAL keeps
-- the write on every public request cheap. Not replicated to standbys, which never answer requests.
-- Global like login_throttle: callers are addresses, API keys and people, no organization, so no RLS.
CREATE UNLOGGED TABLE "rate_limit_counts" (
	"caller" text NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_counts_caller_window_start_pk" PRIMARY KEY("caller","window_start")
);
--> statement-breakpoint
-- The hourly housekeeping deletes closed windows by age.
CREATE INDEX "rate_limit_counts_window_start_idx" ON "rate_limit_counts" USING btree ("window_start");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_counts TO nns_app;
