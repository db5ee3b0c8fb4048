ALTER TABLE "emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "last_attempt_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "leased_until" timestamp (3) with time zone;--> statement-breakpoint
-- The outbox holds invitation and reset links: isolate it like every tenant table.
ALTER TABLE emails ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE emails FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Any transaction may queue an email, also to another organization (NNS notifying a förbund) or to no
-- organization (password reset); reading it back is what isolation guards, so inserts name no RETURNING.
CREATE POLICY queue_any ON emails FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY tenant_reads ON emails FOR SELECT USING (organization_id = app_current_org());
--> statement-breakpoint
-- NNS admins read every email in NNS's outbox, including resets that belong to no organization; the
-- outbox service sets this only for them.
CREATE POLICY nns_outbox_reads ON emails FOR SELECT
  USING (app_current_org() IS NOT NULL AND current_setting('app.outbox_all', true) = 'on');
--> statement-breakpoint
-- The delivery job reads and updates exactly the email it was handed.
CREATE POLICY delivery_job_reads ON emails FOR SELECT
  USING (id = nullif(current_setting('app.email_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY delivery_job_updates ON emails FOR UPDATE
  USING (id = nullif(current_setting('app.email_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.email_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE organization_member_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organization_member_parties FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Which huvudmän form a förbund is public information; only the förbund itself changes its own list.
CREATE POLICY public_reads ON organization_member_parties FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY tenant_inserts ON organization_member_parties FOR INSERT
  WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY tenant_updates ON organization_member_parties FOR UPDATE
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY tenant_deletes ON organization_member_parties FOR DELETE
  USING (organization_id = app_current_org());
--> statement-breakpoint
-- Authentication in one round trip, outside any transaction: each function sets the role and the
-- setting its row-level policy asks for, transaction-locally, before it reads, so the lookup is exactly
-- as confined as the former transaction that did the same in three statements.
CREATE FUNCTION app_api_key_by_prefix(p_prefix text)
RETURNS TABLE (id uuid, organization_id uuid, name text, secret_hash bytea, scopes text[],
  expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz, organization_kind text,
  organization_name text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM set_config('role', 'nns_app', true);
  PERFORM set_config('app.api_key_prefix', p_prefix, true);
  RETURN QUERY
    SELECT k.id, k.organization_id, k.name, k.secret_hash, k.scopes, k.expires_at, k.revoked_at,
      k.last_used_at, o.kind, o.name
    FROM api_keys k JOIN organizations o ON o.id = k.organization_id AND o.deleted_at IS NULL
    WHERE k.prefix = p_prefix;
END
$$;
--> statement-breakpoint
CREATE FUNCTION app_session_actor(p_session_id text)
RETURNS TABLE (session_id text, secret_hash bytea, created_at timestamptz, last_active_at timestamptz,
  user_id uuid, email text, name text, disabled_at timestamptz, memberships jsonb)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_user uuid;
BEGIN
  PERFORM set_config('role', 'nns_app', true);
  SELECT s.user_id INTO v_user FROM sessions s WHERE s.id = p_session_id;
  IF v_user IS NULL THEN
    RETURN;
  END IF;
  -- A person may read their own memberships (policy own_memberships) and nothing else of other tenants.
  PERFORM set_config('app.user_id', v_user::text, true);
  RETURN QUERY
    SELECT s.id, s.secret_hash, s.created_at, s.last_active_at, u.id, u.email, u.name, u.disabled_at,
      coalesce((
        SELECT jsonb_agg(jsonb_build_object(
          'organizationId', m.organization_id, 'organizationKind', o.kind, 'organizationName', o.name,
          'organizationSlug', o.slug, 'role', m.role) ORDER BY o.name)
        FROM memberships m JOIN organizations o ON o.id = m.organization_id AND o.deleted_at IS NULL
        WHERE m.user_id = u.id), '[]'::jsonb)
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = p_session_id;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_api_key_by_prefix(text), app_session_actor(text) TO nns_app;
