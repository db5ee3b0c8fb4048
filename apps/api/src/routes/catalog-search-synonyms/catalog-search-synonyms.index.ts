import { createRouter } from "../../lib/router.js";
import * as handlers from "./catalog-search-synonyms.handlers.js";
import * as routes from "./catalog-search-synonyms.routes.js";

export const catalogSearchSynonymsRouter = createRouter()
  .openapi(routes.listSearchSynonyms, handlers.listSearchSynonyms)
  .openapi(routes.createSearchSynonym, handlers.createSearchSynonym)
  .openapi(routes.updateSearchSynonym, handlers.updateSearchSynonym)
  .openapi(routes.deleteSearchSynonym, handlers.deleteSearchSynonym);
