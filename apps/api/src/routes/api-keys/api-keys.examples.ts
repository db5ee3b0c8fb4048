import { example, IDS } from "../../lib/examples.js";

export const API_KEY = example({
  id: IDS.apiKey,
  name: "Ärendesystem Halmstads kommun",
  prefix: "nns_q7rk2mxv9wbt4hzc",
  scopes: ["trainings:read", "trainings:register"],
  status: "active",
  expiresAt: "2027-06-30T22:00:00.000Z",
  lastUsedAt: "2026-11-25T06:31:54.000Z",
  revokedAt: null,
  createdAt: "2026-08-19T09:12:37.000Z",
});

export const CREATE_API_KEY = example({
  name: "Ärendesystem Halmstads kommun",
  scopes: ["trainings:read", "trainings:register"],
  expiresAt: "2027-06-30T22:00:00.000Z",
});

export const CREATED_API_KEY = example({
  apiKey: { ...API_KEY, lastUsedAt: null, createdAt: "2026-11-26T14:02:09.000Z" },
  secret: "nns_q7rk2mxv9wbt4hzc.f3n8d2s6p1y9t5w4k7m0c3x8v2b6h1q9",
});

export const REVOKED_API_KEY = example({
  ...API_KEY,
  status: "revoked",
  revokedAt: "2026-11-26T14:20:41.000Z",
});
