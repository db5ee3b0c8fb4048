import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";
import { validationHook } from "./problem.js";

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook });
}
