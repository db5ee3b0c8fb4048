-- Tenancy in depth: the application role, row-level security, and the explicit sharing pattern.
-- Request traffic runs as nns_app: not a superuser, not BYPASSRLS, and owner of nothing.
DO $$
BEGIN
  CREATE ROLE nns_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO nns_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO nns_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO nns_app;
--> statement-breakpoint
-- Reference data is written only by migrations; the audit log is append-only.
REVOKE INSERT, UPDATE, DELETE ON counties, municipalities FROM nns_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON audit_log FROM nns_app;
--> statement-breakpoint
-- /ready compares applied migrations with the shipped ones as the application role.
GRANT USAGE ON SCHEMA drizzle TO nns_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO nns_app;
--> statement-breakpoint
ALTER TABLE organizations ADD CONSTRAINT organizations_kind_check CHECK (kind IN ('nns', 'forbund'));
--> statement-breakpoint
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('nns_admin', 'org_admin', 'editor', 'viewer'));
--> statement-breakpoint
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('nns_admin', 'org_admin', 'editor', 'viewer'));
--> statement-breakpoint
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_type_check CHECK (actor_type IN ('user', 'api_key', 'system'));
--> statement-breakpoint
ALTER TABLE resource_shares ADD CONSTRAINT resource_shares_not_self CHECK (organization_id <> owner_organization_id);
--> statement-breakpoint
ALTER TABLE resource_shares ADD CONSTRAINT resource_shares_permission_check CHECK (permission IN ('read', 'write'));
--> statement-breakpoint
-- The organization and user of the current transaction, set by services with set_config(..., true).
CREATE FUNCTION app_current_org() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.org_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- A person may list their own memberships (to pick an organization) without an organization set.
CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = app_current_user());
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- Whoever holds the emailed token may read that one invitation: the policy is keyed on the token's hash.
CREATE POLICY token_holder ON invitations FOR SELECT
  USING (token_hash = decode(nullif(current_setting('app.invitation_token_hash', true), ''), 'hex'));
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON api_keys
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- Authentication finds a key by the public prefix that is part of the presented secret.
CREATE POLICY key_holder ON api_keys FOR SELECT
  USING (prefix = nullif(current_setting('app.api_key_prefix', true), ''));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE resource_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE resource_shares FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The owner creates, changes and revokes shares of its resources.
CREATE POLICY owner_manages ON resource_shares
  USING (owner_organization_id = app_current_org()) WITH CHECK (owner_organization_id = app_current_org());
--> statement-breakpoint
-- The organization a resource is shared with sees its share and may accept or leave it.
CREATE POLICY recipient_sees ON resource_shares FOR SELECT USING (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY recipient_responds ON resource_shares FOR UPDATE
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE FUNCTION resource_shares_recipient_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.owner_organization_id IS DISTINCT FROM app_current_org() AND (
    NEW.permission IS DISTINCT FROM OLD.permission
    OR NEW.resource_type IS DISTINCT FROM OLD.resource_type
    OR NEW.resource_id IS DISTINCT FROM OLD.resource_id
    OR NEW.owner_organization_id IS DISTINCT FROM OLD.owner_organization_id
    OR NEW.invited_at IS DISTINCT FROM OLD.invited_at
    OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at)
  ) THEN
    RAISE EXCEPTION 'only the owner may change a share other than accepting or leaving it'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER resource_shares_recipient_guard BEFORE UPDATE ON resource_shares
  FOR EACH ROW EXECUTE FUNCTION resource_shares_recipient_guard();
--> statement-breakpoint
-- Used by the row-level policies of shared resources: true when the current organization has accepted
-- a live share of the resource (with write permission when asked).
CREATE FUNCTION app_resource_shared_with_current_org(p_type text, p_id uuid, p_write boolean DEFAULT false)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM resource_shares s
    WHERE s.resource_type = p_type AND s.resource_id = p_id
      AND s.organization_id = app_current_org()
      AND s.accepted_at IS NOT NULL AND s.revoked_at IS NULL
      AND (NOT p_write OR s.permission = 'write')
  )
$$;
--> statement-breakpoint
-- A row never changes owner. Permissive policies OR their WITH CHECK clauses together, so a share
-- with write access could otherwise pass the owner's own check by moving the row into its organization.
CREATE FUNCTION app_immutable_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.organization_id IS DISTINCT FROM OLD.organization_id THEN
    RAISE EXCEPTION 'organization_id cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_immutable_organization BEFORE UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER invitations_immutable_organization BEFORE UPDATE ON invitations
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER api_keys_immutable_organization BEFORE UPDATE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
CREATE TRIGGER idempotency_keys_immutable_organization BEFORE UPDATE ON idempotency_keys
  FOR EACH ROW EXECUTE FUNCTION app_immutable_organization();
--> statement-breakpoint
-- nns_admin is a role of the national network only.
CREATE FUNCTION memberships_nns_admin_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role = 'nns_admin' AND NOT EXISTS (
    SELECT 1 FROM organizations o WHERE o.id = NEW.organization_id AND o.kind = 'nns'
  ) THEN
    RAISE EXCEPTION 'nns_admin is only a role in the NNS organization' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER memberships_nns_admin_guard BEFORE INSERT OR UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_nns_admin_guard();
--> statement-breakpoint
CREATE TRIGGER invitations_nns_admin_guard BEFORE INSERT OR UPDATE ON invitations
  FOR EACH ROW EXECUTE FUNCTION memberships_nns_admin_guard();
