import { example, IDS, PEOPLE } from "../../lib/examples.js";

export const AUDIT_ENTRY = example({
  id: IDS.auditEntry,
  actorType: "user",
  actorId: PEOPLE.anna.id,
  actorLabel: PEOPLE.anna.name,
  action: "member.role_changed",
  entityType: "membership",
  entityId: PEOPLE.johan.id,
  entityName: PEOPLE.johan.name,
  before: { role: "viewer", version: 1 },
  after: { role: "editor", version: 2 },
  requestId: "9c4f1a2e-7b3d-4e8a-b5c6-2d1f0e9a8b7c",
  createdAt: "2026-10-14T12:40:19.000Z",
});
