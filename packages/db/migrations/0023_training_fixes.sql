-- Two fixes to BIP/SKAPA trainings.
-- 1. A training that NNS cancels hands its intresseanmälningar back: they are open ("submitted") again, and
-- each keeps the cancelled trainings it was scheduled to, so the förbund and NNS see what happened.
ALTER TABLE training_requests ADD COLUMN cancelled_trainings jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE training_requests ADD CONSTRAINT training_requests_cancelled_trainings_array
  CHECK (jsonb_typeof(cancelled_trainings) = 'array');
--> statement-breakpoint
-- Requests left "scheduled" on trainings cancelled before this fix are reopened the same way.
-- 2. Seats above the training step's 25 are priced (decision 0028): every NNS organization's price list
-- gains the extra-participant item new NNS organizations start with (services trainings/settings.ts).
-- Row-level security is forced on these tables, so the statements run once per NNS organization with it
-- set, as the application would, whether or not the migrating role bypasses the policies.
DO $$
DECLARE
  coordinator record;
BEGIN
  FOR coordinator IN SELECT id FROM organizations WHERE kind = 'nns' LOOP
    PERFORM set_config('app.org_id', coordinator.id::text, true);
    UPDATE training_requests r
    SET status = 'submitted',
        training_id = NULL,
        cancelled_trainings = r.cancelled_trainings || jsonb_build_array(jsonb_build_object(
          'trainingId', t.id,
          'title', t.title,
          'cancelledAt', to_char(t.cancelled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'reason', t.cancellation_reason
        )),
        version = r.version + 1,
        updated_at = now()
    FROM trainings t
    WHERE t.id = r.training_id
      AND t.status = 'cancelled'
      AND r.status = 'scheduled'
      AND r.coordinator_organization_id = coordinator.id;
    INSERT INTO price_list_items (organization_id, code, name, unit_price_ore, vat_rate_basis_points, max_participants)
    VALUES (coordinator.id, 'bip_skapa_extra_participant', 'Extra deltagare i utbildningssteget, utöver 25', 200000, 2500, NULL)
    ON CONFLICT DO NOTHING;
  END LOOP;
  PERFORM set_config('app.org_id', '', true);
END
$$;
