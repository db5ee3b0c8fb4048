-- Proofs of earlier sign-ins (device cookie, client address) that let a person past the login limits an
-- attacker can trip. Global per person like sessions and login_throttle: no organization, so no RLS.
CREATE TABLE "login_trust" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"proof_hash" "bytea" NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "login_trust_kind_proof_hash_user_id_pk" PRIMARY KEY("kind","proof_hash","user_id"),
	CONSTRAINT "login_trust_kind_check" CHECK (kind in ('device', 'address'))
);
--> statement-breakpoint
ALTER TABLE "login_trust" ADD CONSTRAINT "login_trust_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_trust_expires_at_idx" ON "login_trust" USING btree ("expires_at");