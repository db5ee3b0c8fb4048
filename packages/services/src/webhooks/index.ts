export * from "./address.js";
export * from "./delivery.js";
export * from "./delivery-log.js";
export * from "./endpoints.js";
export * from "./events.js";
export * from "./signing.js";
