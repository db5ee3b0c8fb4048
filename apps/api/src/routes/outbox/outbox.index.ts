import { createRouter } from "../../lib/router.js";
import * as handlers from "./outbox.handlers.js";
import * as routes from "./outbox.routes.js";

export const outboxRouter = createRouter().openapi(routes.listOutbox, handlers.listOutbox);
