import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "Webhooks",
  description:
    "A webhook tells one of your own systems when something happens in {{organization}}, for example when a training is cancelled: the platform then sends a request to an address you give.",
  descriptionFallback:
    "A webhook tells one of your own systems when something happens in the organization: the platform then sends a request to an address you give.",
  create: "Add receiver",
  endpointsHeading: "Receivers",
  empty: "The organization has no receivers yet.",
  columns: {
    url: "Address",
    description: "Description",
    events: "Events",
    status: "Status",
    created: "Created",
  },
  noDescription: "No description",
  status: { enabled: "On", disabled: "Switched off", failing: "Requests failing since {{date}}" },
  disabledAt: "since {{date}}",
  eventGroups: {
    intervention: "Intervention catalogue",
    training: "Trainings",
    registration: "Registrations",
    training_request: "Training requests",
    newsletter: "Newsletters",
    other: "Other",
  },
  events: {
    intervention: {
      published: {
        label: "An intervention is published",
        description: "One of the förbund's interventions becomes visible in the open catalogue.",
      },
      archived: {
        label: "An intervention is archived",
        description: "One of the förbund's interventions is removed from the open catalogue.",
      },
    },
    training: {
      created: {
        label: "A training is created",
        description: "A new training or activity the förbund owns or takes part in.",
      },
      confirmed: {
        label: "A training is confirmed",
        description: "Dates and format are settled and the training will take place.",
      },
      cancelled: {
        label: "A training is cancelled",
        description: "The training will not take place; registered participants need to know.",
      },
    },
    registration: {
      created: {
        label: "A participant is registered",
        description: "Someone is registered for a training session, with a seat or on the waiting list.",
      },
      cancelled: {
        label: "A registration is cancelled",
        description: "A participant's registration for a training session is cancelled.",
      },
      promoted: {
        label: "A participant gets a seat from the waiting list",
        description: "A seat became free and the next person on the waiting list got it.",
      },
    },
    ping: {
      label: "Test event",
      description: "A trial sent when someone chooses Send test event.",
    },
    training_request: {
      scheduled: {
        label: "A training request is scheduled",
        description: "NNS has given the förbund's training request a training with dates.",
      },
    },
    newsletter: {
      sent: {
        label: "A newsletter issue was sent",
        description:
          "An issue of a newsletter the förbund publishes or co-publishes has gone out to every subscriber.",
      },
    },
  },
  form: {
    createTitle: "Add receiver",
    editTitle: "Change receiver",
    url: "Address (URL)",
    urlDescription:
      "The address the platform sends the events to. It must start with https:// and be reachable from the internet.",
    description: "Description (optional)",
    descriptionDescription: "So that you recognise the receiver, for example the name of the system.",
    events: "Events",
    eventsDescription: "Choose which events the receiver should be told about.",
    createSubmit: "Add",
    editSubmit: "Save changes",
    saved: "The receiver has been saved.",
  },
  created: {
    title: "The receiver has been added",
    warning:
      "Copy the secret now and store it in the receiving system. It is shown this once only and can never be shown again.",
    secretLabel: "Secret for checking the signature of requests to {{url}}:",
    copyLabel: "Copy the secret",
    done: "I have saved the secret",
    status: "The receiver {{url}} has been added.",
  },
  detail: {
    back: "Back to webhooks",
    overviewHeading: "About the receiver",
    url: "Address",
    description: "Description",
    events: "Events",
    status: "Status",
    created: "Created",
    actionsHeading: "Actions",
    edit: "Change",
  },
  toggle: {
    disable: "Switch off",
    enable: "Switch on",
    disabledDone: "The receiver is switched off. No events are sent there until it is switched on again.",
    enabledDone: "The receiver is switched on again.",
    failed: "The receiver could not be changed: {{detail}}",
  },
  ping: {
    button: "Send test event",
    done: "A test event is on its way. The result appears in the delivery log below.",
    failed: "The test event could not be sent: {{detail}}",
  },
  rotate: {
    button: "Change secret",
    title: "Change the secret?",
    body: "The receiver gets a new secret at once and the old one stops working. The receiving system must be given the new secret, or it can no longer check that requests come from the platform.",
    confirm: "Change secret",
    doneTitle: "New secret",
    warning:
      "Copy the new secret now and replace the old one in the receiving system. It is shown this once only and can never be shown again.",
    secretLabel: "New secret for {{url}}:",
    done: "I have saved the secret",
    status: "The secret has been changed.",
  },
  remove: {
    button: "Remove",
    title: "Remove the receiver?",
    body: "No more events are sent to {{url}}, and the receiver's delivery log is removed. This cannot be undone.",
    confirm: "Remove the receiver",
    done: "The receiver {{url}} has been removed.",
  },
  deliveries: {
    heading: "Delivery log",
    intro:
      "Every event sent to the receiver, newest first. A request that fails is retried at growing intervals for up to three days.",
    filter: "Show",
    anyStatus: "All deliveries",
    empty: "No deliveries yet. Send a test event to try the receiver.",
    emptyFiltered: "No deliveries with that status.",
    caption: "Deliveries to the receiver",
    columns: {
      time: "Time",
      event: "Event",
      status: "Status",
      response: "Response",
      attempts: "Attempts",
      actions: "Action",
    },
    status: {
      pending: "Waiting",
      succeeded: "Delivered",
      failed: "Retrying",
      gave_up: "Failed",
    },
    deliveredAt: "delivered",
    nextAttempt: "next attempt",
    noResponse: "No response",
    none: "–",
    errors: {
      unreachable: "The receiver could not be reached.",
      disabled: "The receiver was switched off.",
    },
    disabledNote: "The receiver is switched off. Switch it on to send test events or send deliveries again.",
    resend: "Send again",
    resendLabel: "Send again: {{event}} from {{date}}",
    resent: "{{event}} from {{date}} is being sent again. The new delivery appears at the top of the log.",
    resendFailed: "{{event}} could not be sent again: {{detail}}",
  },
};
