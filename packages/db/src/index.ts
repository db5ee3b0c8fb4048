export * from "./client.js";
export * from "./distribution.js";
export * from "./errors.js";
export type { DatabaseActivity } from "./instrument.js";
export * from "./migrate.js";
export * from "./move-to-server.js";
export * from "./schema/index.js";
