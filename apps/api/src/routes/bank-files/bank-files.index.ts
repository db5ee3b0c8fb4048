import { createRouter } from "../../lib/router.js";
import * as handlers from "./bank-files.handlers.js";
import * as routes from "./bank-files.routes.js";

export const bankFilesRouter = createRouter().openapi(routes.importBankFile, handlers.importBankFile);
