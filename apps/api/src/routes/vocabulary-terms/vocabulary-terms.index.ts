import { createRouter } from "../../lib/router.js";
import * as handlers from "./vocabulary-terms.handlers.js";
import * as routes from "./vocabulary-terms.routes.js";

export const vocabularyTermsRouter = createRouter()
  .openapi(routes.createVocabularyTerm, handlers.createVocabularyTerm)
  .openapi(routes.updateVocabularyTerm, handlers.updateVocabularyTerm);
