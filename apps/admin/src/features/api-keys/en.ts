import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "API keys",
  description:
    "Keys that let other systems, such as a municipality's case management system, use the API for {{organization}}.",
  descriptionFallback: "Keys that let other systems use the API for the organization.",
  create: "Create API key",
  keysHeading: "The organization's keys",
  empty: "The organization has no API keys yet.",
  columns: {
    name: "Name",
    prefix: "Prefix",
    scopes: "Permissions",
    status: "Status",
    lastUsed: "Last used",
    expires: "Expires",
    created: "Created",
    actions: "Actions",
  },
  never: "Never",
  noExpiry: "None",
  revokedAt: "on {{date}}",
  status: { active: "Active", revoked: "Revoked", expired: "Expired" },
  scopes: {
    org_read: {
      label: "Read the organization",
      description: "The organization's details: name, organisation number and member parties.",
    },
    members_read: {
      label: "Read members",
      description: "Who the members are, their email addresses and roles, and pending invitations.",
    },
    members_manage: {
      label: "Manage members",
      description: "Invite people, change roles and remove members.",
    },
    audit_read: {
      label: "Read the audit log",
      description: "Who did what in the organization, and when.",
    },
    trainings_read: {
      label: "Read trainings",
      description: "Trainings and sessions, seats, the förbund's own participants, costs and follow-up.",
    },
    trainings_book: {
      label: "Book trainings",
      description: "Send and withdraw training requests to NNS, and add and remove print costs.",
    },
    trainings_register: {
      label: "Register participants",
      description: "Register and cancel the förbund's participants for training sessions.",
    },
    interventions_read: {
      label: "Read interventions",
      description:
        "The förbund's interventions in the catalogue, drafts included, with versions and results.",
    },
    interventions_write: {
      label: "Write interventions",
      description: "Create and edit interventions, report results and submit for review (never publish).",
    },
    invoices_read: {
      label: "Read invoices",
      description: "The förbund's invoices and credit notes from NNS, with their PDF and e-invoice.",
    },
    newsletters_read: {
      label: "Read newsletters",
      description: "The förbund's own and joint newsletters, their issues and sending figures.",
    },
    progression_aggregates: {
      label: "Read progression statistics",
      description:
        "Aggregated progression per insats and förbund (for NNS: national). Never one participant's data; small groups are hidden.",
    },
  },
  usage: {
    heading: "How a key is used",
    body: "The system sends the key in the Authorization header of every request to the API:",
    placeholder: "<key>",
    limits:
      "A key only works for this organization and only with the permissions it was given. Revoke a key that is no longer needed or may have fallen into the wrong hands.",
    docs: "Read the API documentation",
  },
  form: {
    title: "Create API key",
    name: "Name",
    nameDescription: "So that you recognise the key, for example the name of the system that will use it.",
    scopes: "Permissions",
    scopesDescription: "Give the key only the permissions the system needs.",
    expires: "Expiry date (optional)",
    expiresDescription:
      "The key stops working at the end of that day (Swedish time). Leave empty for a key without an end date.",
    expiresInPast: "Choose today or a later date.",
    submit: "Create key",
  },
  created: {
    title: "The key has been created",
    warning:
      "Copy the key now and keep it somewhere safe. It is shown this once only and can never be shown again.",
    secretLabel: "New API key for {{name}}:",
    copyLabel: "Copy the key",
    done: "I have saved the key",
    status: "The API key {{name}} has been created.",
  },
  revoke: {
    button: "Revoke",
    label: "Revoke {{name}}",
    title: "Revoke {{name}}?",
    body: "The key {{name}} ({{prefix}}) stops working at once, and systems using it are refused access. This cannot be undone. The key stays in the list as revoked.",
    confirm: "Revoke the key",
    done: "{{name}} has been revoked.",
    failed: "{{name}} could not be revoked: {{detail}}",
  },
};
