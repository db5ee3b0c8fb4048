export * from "./catalog/index.js";
export * from "./cursor.js";
export * from "./errors.js";
export * from "./money.js";
export * from "./organization-number.js";
export * from "./password-policy.js";
export * from "./permissions.js";
export * from "./trainings/index.js";
