import { ISSUE_STATUS_LABELS_SV } from "@nns/domain/newsletters";
import { Badge } from "../../components/ui";
import type { IssueStatus as Status } from "./api";

const TONE: Record<Status, "neutral" | "success" | "warning" | "danger"> = {
  draft: "neutral",
  ready: "success",
  scheduled: "success",
  sending: "warning",
  paused: "warning",
  sent: "success",
  cancelled: "danger",
};

/** An issue's status in the domain's own Swedish words, the same the API's messages use. */
export function IssueStatus({ status }: { status: Status }) {
  return <Badge tone={TONE[status]}>{ISSUE_STATUS_LABELS_SV[status]}</Badge>;
}
