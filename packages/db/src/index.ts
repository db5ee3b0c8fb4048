export * from "./client.js";
export * from "./errors.js";
export type { DatabaseActivity } from "./instrument.js";
export * from "./migrate.js";
export * from "./schema/index.js";
