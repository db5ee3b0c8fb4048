import pino, { type Logger, type LoggerOptions } from "pino";

/** Structured JSON logs. Credentials are redacted wherever they might appear, even by mistake. */
/**
 * Errors are logged by type, message and SQLSTATE only. A failed query's message carries its parameters,
 * which can be a token on its way into the outbox; everything after "params:" is cut.
 */
function serializeError(err: unknown) {
  if (!(err instanceof Error)) return { message: String(err) };
  const cause = (err as { cause?: unknown }).cause;
  const clean = (message: string) => message.split(/\bparams:/)[0]?.trim() ?? "";
  return {
    type: err.name,
    message: clean(err.message),
    code: (err as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code,
    cause: cause instanceof Error ? clean(cause.message) : undefined,
    // Only the frames: the stack's first lines repeat the message, parameters included.
    stack: err.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .join("\n"),
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options: LoggerOptions = {
    level,
    serializers: { err: serializeError },
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
  };
  return destination ? pino(options, destination) : pino(options);
}
