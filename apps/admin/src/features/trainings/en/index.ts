import type { Translations } from "../../../i18n/types";
import type { sv } from "../sv";
import { charts } from "./charts";
import { events } from "./events";
import { invoicing } from "./invoicing";
import { requests } from "./requests";
import { sessions } from "./sessions";
import { signup } from "./signup";
import { trainers } from "./trainers";
import { training } from "./training";

/** Each part is checked against its Swedish part; this checks that no part is left out. */
export const en: Translations<typeof sv> = {
  ...training,
  ...events,
  ...sessions,
  ...requests,
  ...trainers,
  ...invoicing,
  ...charts,
  ...signup,
};
