import { type ApiResult, unwrap } from "./problem.js";

/** One page of a list endpoint: every list answers `{ data, nextCursor }` (docs/api.md, Pagination). */
export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

/**
 * Every item of a list, page by page, following `nextCursor` until it is null. `fetchPage` asks for the
 * page at `cursor` (undefined for the first) with the same filters each time, as the API requires.
 * A failed page throws ApiProblem.
 *
 *   for await (const member of paginate((cursor) =>
 *     api.GET("/orgs/{orgId}/members", { params: { path: { orgId }, query: { cursor, limit: 200 } } }),
 *   )) console.log(member.email);
 */
export async function* paginate<Item>(
  fetchPage: (cursor: string | undefined) => Promise<ApiResult<Page<Item>>>,
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await unwrap(fetchPage(cursor));
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
