/** Headers in any form openapi-fetch accepts, as a plain record with lower-case names. */
export function headerRecord(init: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(init as ConstructorParameters<typeof Headers>[0]).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}
