export * from "./booking.js";
export * from "./certification.js";
export * from "./costs.js";
export * from "./counties.js";
export * from "./events.js";
export * from "./follow-up.js";
export * from "./lifecycle.js";
export * from "./pairing.js";
