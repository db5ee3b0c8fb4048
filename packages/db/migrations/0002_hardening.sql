-- A share names its owner: the policy of a shared resource passes the row's own organization_id, so an
-- organization cannot "share" a resource it does not own.
DROP FUNCTION app_resource_shared_with_current_org(text, uuid, boolean);
--> statement-breakpoint
CREATE FUNCTION app_resource_shared_with_current_org(p_type text, p_id uuid, p_owner uuid, p_write boolean DEFAULT false)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM resource_shares s
    WHERE s.resource_type = p_type AND s.resource_id = p_id
      AND s.owner_organization_id = p_owner
      AND s.organization_id = app_current_org()
      AND s.accepted_at IS NOT NULL AND s.revoked_at IS NULL
      AND (NOT p_write OR s.permission = 'write')
  )
$$;
--> statement-breakpoint
-- Only one live invitation per address and organization: the newest link is the only one that works.
CREATE UNIQUE INDEX invitations_one_pending_per_email ON invitations (organization_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
