import { createRouter } from "../../lib/router.js";
import * as handlers from "./interventions.handlers.js";
import * as routes from "./interventions.routes.js";

export const interventionsRouter = createRouter()
  .openapi(routes.createIntervention, handlers.createIntervention)
  .openapi(routes.importInterventions, handlers.importInterventions)
  .openapi(routes.listInterventions, handlers.listInterventions)
  .openapi(routes.getIntervention, handlers.getIntervention)
  .openapi(routes.updateIntervention, handlers.updateIntervention)
  .openapi(routes.submitIntervention, handlers.submitIntervention)
  .openapi(routes.withdrawIntervention, handlers.withdrawIntervention)
  .openapi(routes.publishIntervention, handlers.publishIntervention)
  .openapi(routes.returnIntervention, handlers.returnIntervention)
  .openapi(routes.archiveIntervention, handlers.archiveIntervention)
  .openapi(routes.previewIntervention, handlers.previewIntervention)
  .openapi(routes.getInterventionProject, handlers.getInterventionProject)
  .openapi(routes.listVersions, handlers.listVersions)
  .openapi(routes.diffVersions, handlers.diffVersions)
  .openapi(routes.listResults, handlers.listResults)
  .openapi(routes.recordResults, handlers.recordResults)
  .openapi(routes.publishResults, handlers.publishResults)
  .openapi(routes.listCoOwners, handlers.listCoOwners)
  .openapi(routes.inviteCoOwner, handlers.inviteCoOwner)
  .openapi(routes.removeCoOwner, handlers.removeCoOwner)
  .openapi(routes.acceptCoOwnership, handlers.acceptCoOwnership)
  .openapi(routes.listCoOwnershipInvitations, handlers.listCoOwnershipInvitations);
