import { createRouter } from "../../lib/router.js";
import * as handlers from "./catalog.handlers.js";
import * as routes from "./catalog.routes.js";

export const catalogRouter = createRouter()
  .openapi(routes.searchCatalog, handlers.searchCatalog)
  .openapi(routes.exportCatalog, handlers.exportCatalog)
  .openapi(routes.catalogFeed, handlers.catalogFeed)
  .openapi(routes.catalogVocabularies, handlers.catalogVocabularies)
  .openapi(routes.getCatalogEntry, handlers.getCatalogEntry);
