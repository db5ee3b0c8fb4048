import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

/**
 * The object's name as a link to its page, for the kinds of object that have one; otherwise just the name.
 * A page the reader may not open answers with its own message, as any link would.
 */
export function EntityLink({
  orgId,
  entityType,
  entityId,
  children,
}: {
  orgId: string;
  entityType: string;
  entityId: string | null;
  children: ReactNode;
}) {
  if (!entityId) return <>{children}</>;
  switch (entityType) {
    case "training":
      return (
        <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId: entityId }}>
          {children}
        </Link>
      );
    case "intervention":
      return (
        <Link to="/o/$orgId/interventions/$interventionId" params={{ orgId, interventionId: entityId }}>
          {children}
        </Link>
      );
    case "invoice":
      return (
        <Link to="/o/$orgId/invoices/$invoiceId" params={{ orgId, invoiceId: entityId }}>
          {children}
        </Link>
      );
    case "newsletter_publication":
      return (
        <Link to="/o/$orgId/nyhetsbrev/$publicationId" params={{ orgId, publicationId: entityId }}>
          {children}
        </Link>
      );
    case "webhook_endpoint":
      return (
        <Link to="/o/$orgId/webhooks/$endpointId" params={{ orgId, endpointId: entityId }}>
          {children}
        </Link>
      );
    case "progression_participant":
      return (
        <Link to="/o/$orgId/deltagare/$participantId" params={{ orgId, participantId: entityId }}>
          {children}
        </Link>
      );
    case "progression_instrument":
      return (
        <Link to="/o/$orgId/instrument/$instrumentId" params={{ orgId, instrumentId: entityId }}>
          {children}
        </Link>
      );
    default:
      return <>{children}</>;
  }
}
