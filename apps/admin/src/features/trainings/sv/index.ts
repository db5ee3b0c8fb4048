import { charts } from "./charts";
import { events } from "./events";
import { invoicing } from "./invoicing";
import { requests } from "./requests";
import { sessions } from "./sessions";
import { signup } from "./signup";
import { trainers } from "./trainers";
import { training } from "./training";

/** The feature's Swedish strings, one file per sub-area: together they are too long for one file. */
export const sv = {
  ...training,
  ...sessions,
  ...requests,
  ...trainers,
  ...invoicing,
  ...charts,
  ...signup,
  ...events,
};
