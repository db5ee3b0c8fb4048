import type { RouteHandler } from "@hono/zod-openapi";
import * as services from "@nns/services";
import type { AppEnv } from "../../lib/env.js";
import type * as routes from "./bank-files.routes.js";

export const importBankFile: RouteHandler<typeof routes.importBankFile, AppEnv> = async (c) => {
  const { filename, content } = c.req.valid("json");
  return c.json(
    await services.importBankFile(c.get("org"), { filename, content: Buffer.from(content, "base64") }),
    200,
  );
};
