import { type Context, context, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

/**
 * What the request pool is doing right now, read by the metrics on each scrape. postgres.js keeps its
 * connections to itself, so these are counted at the driver boundary instead: statements sent and not yet
 * answered, and transactions begun and not yet ended. `poolMax` is the configured size (null: PGlite,
 * one in-process connection).
 */
export interface DatabaseActivity {
  queriesInFlight: number;
  transactionsOpen: number;
  poolMax: number | null;
}

const tracer = trace.getTracer("@nns/db");

/** Longer statements are cut in the span; the generated IN lists of a big batch say nothing more. */
const STATEMENT_LIMIT = 4_000;

/**
 * The driver methods to wrap: `query` methods send one statement (text and parameters), `transaction`
 * methods run a callback on a transaction handle of the same driver, which is wrapped in turn.
 */
interface DriverShape {
  query: readonly string[];
  transaction: readonly string[];
}

export const POSTGRES_JS_SHAPE: DriverShape = { query: ["unsafe"], transaction: ["begin", "savepoint"] };
export const PGLITE_SHAPE: DriverShape = { query: ["query", "exec"], transaction: ["transaction"] };

/**
 * The driver with its statements counted and, inside a trace, each one a client span (db.system
 * postgresql, db.statement the parameterised text — never the parameter values, which carry personal
 * data). There is no maintained OpenTelemetry instrumentation for postgres.js, and drizzle's logger
 * is told of a query before it runs, not when it ends; the driver's own methods are the one seam that
 * sees both. Statements outside a trace (the job queue's workers) are counted but make no span, so
 * background polling does not flood the trace store with one-statement traces.
 */
export function instrumentDriver<T extends object>(
  driver: T,
  shape: DriverShape,
  activity: DatabaseActivity,
): T {
  return new Proxy(driver, {
    // The driver's own object is the receiver: PGlite's getters read private fields a proxy lacks.
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== "function" || typeof property !== "string") return value;
      if (shape.query.includes(property)) {
        return (text: string, ...rest: unknown[]) =>
          observe(value.call(target, text, ...rest), text, activity);
      }
      if (shape.transaction.includes(property)) {
        return (...args: unknown[]) => {
          const index = args.findIndex((arg) => typeof arg === "function");
          const callback = args[index] as (handle: object) => unknown;
          args[index] = (handle: object) => callback(instrumentDriver(handle, shape, activity));
          activity.transactionsOpen += 1;
          const done = () => {
            activity.transactionsOpen -= 1;
          };
          const result = value.apply(target, args) as Promise<unknown>;
          result.then(done, done);
          return result;
        };
      }
      return value.bind(target);
    },
  });
}

/**
 * Counts and times one statement. PGlite answers a running promise. postgres.js answers a lazy query
 * that runs when first awaited and takes modifiers (`.values()`, `.simple()`) before that; the timing
 * hooks onto its first `then`, so the statement runs exactly when and how it would have without this.
 * (A plain promise cannot be hooked so: `await` of one never calls an own `then`.)
 */
function observe<Q>(query: Q, text: string, activity: DatabaseActivity): Q {
  const parent = trace.getSpan(context.active());
  const span = parent ? startStatementSpan(text, context.active()) : null;
  if (Object.getPrototypeOf(query) === Promise.prototype) {
    activity.queriesInFlight += 1;
    (query as Promise<unknown>).then(
      () => finish(activity, span, null),
      (error: unknown) => finish(activity, span, error),
    );
    return query;
  }
  const thenable = query as unknown as PromiseLike<unknown> & { then: PromiseLike<unknown>["then"] };
  const originalThen = thenable.then;
  let started = false;
  // biome-ignore lint/suspicious/noThenProperty: the query is a thenable already; this wraps its own then.
  thenable.then = function (this: unknown, onFulfilled, onRejected) {
    if (!started) {
      started = true;
      activity.queriesInFlight += 1;
      originalThen.call(
        thenable,
        () => finish(activity, span, null),
        (error: unknown) => finish(activity, span, error),
      );
    }
    return originalThen.call(thenable, onFulfilled, onRejected);
  } as typeof thenable.then;
  return query;
}

function startStatementSpan(text: string, parent: Context): Span {
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "SQL";
  return tracer.startSpan(
    operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "db.system": "postgresql",
        "db.system.name": "postgresql",
        "db.operation.name": operation,
        "db.statement": text.slice(0, STATEMENT_LIMIT),
        "db.query.text": text.slice(0, STATEMENT_LIMIT),
      },
    },
    parent,
  );
}

function finish(activity: DatabaseActivity, span: Span | null, error: unknown): void {
  activity.queriesInFlight -= 1;
  if (!span) return;
  if (error) {
    // The SQLSTATE only: a driver's message can quote the values of the failing row.
    const code = (error as { code?: unknown }).code;
    span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === "string" ? code : "error" });
    if (typeof code === "string") span.setAttribute("db.response.status_code", code);
  }
  span.end();
}
