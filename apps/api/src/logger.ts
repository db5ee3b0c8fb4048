import pino, { type Logger } from "pino";

/** Structured JSON logs. Credentials are redacted wherever they might appear, even by mistake. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "nns-api" },
    redact: {
      paths: [
        "password",
        "*.password",
        "*.currentPassword",
        "*.newPassword",
        "token",
        "*.token",
        "secret",
        "*.secret",
        "authorization",
        "*.authorization",
        "*.headers.authorization",
        "*.headers.cookie",
        "cookie",
        "*.cookie",
      ],
      censor: "[redacted]",
    },
  });
}
