import { example, PEOPLE } from "../../lib/examples.js";

export const MEMBER = example({
  userId: PEOPLE.johan.id,
  email: PEOPLE.johan.email,
  name: PEOPLE.johan.name,
  role: "editor",
  version: 2,
  createdAt: "2025-04-02T08:15:43.000Z",
  updatedAt: "2026-10-14T12:40:19.000Z",
});
