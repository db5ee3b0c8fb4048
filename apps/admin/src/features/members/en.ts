import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "Members",
  description: "People who have access to {{organization}} and the role each one has.",
  descriptionFallback: "People who have access to the organization and the role each one has.",
  invite: "Invite",
  members: {
    heading: "Current members",
    empty: "The organization has no members yet.",
    you: "(you)",
    columns: {
      name: "Name",
      email: "Email address",
      role: "Role",
      memberSince: "Member since",
      actions: "Actions",
    },
    roleFor: "Role for {{name}}",
    roleChanged: "{{name}} now has the role {{role}}.",
    remove: "Remove",
    removeLabel: "Remove {{name}}",
    removeTitle: "Remove {{name}}?",
    removeBody:
      "{{name}} ({{email}}) loses access to the organization at once. The account remains, and the person can be invited again later.",
    removeSelfBody:
      "You are removing yourself and lose access to the organization at once. Another administrator must invite you if you want to come back.",
    removeConfirm: "Remove the member",
    removed: "{{name}} has been removed from the organization.",
  },
  errors: {
    lastAdmin:
      "{{name}} is the organization's last administrator. First give someone else the administrator role, then try again.",
    changedMeanwhile:
      "Someone else changed {{name}} in the meantime. The list has been reloaded – check it and try again.",
    roleFailed: "The role for {{name}} could not be changed: {{detail}}",
    removeFailed: "{{name}} could not be removed: {{detail}}",
    revokeFailed: "The invitation to {{email}} could not be revoked: {{detail}}",
  },
  inviteDialog: {
    title: "Invite a member",
    intro: "The person receives an email with a link to join. The link is valid for 7 days.",
    email: "Email address",
    role: "Role",
    roleDescription:
      "Administrators manage members and API keys. Editors and viewers can see the organization.",
    submit: "Send invitation",
    sent: "Invitation sent to {{email}}.",
  },
  invitations: {
    heading: "Pending invitations",
    empty: "No pending invitations.",
    columns: {
      email: "Email address",
      role: "Role",
      sent: "Sent",
      expires: "Expires",
      actions: "Actions",
    },
    revoke: "Revoke",
    revokeLabel: "Revoke the invitation to {{email}}",
    revokeTitle: "Revoke the invitation to {{email}}?",
    revokeBody: "The link in the invitation stops working at once. You can send a new invitation later.",
    revokeConfirm: "Revoke invitation",
    revoked: "The invitation to {{email}} has been revoked.",
  },
};
