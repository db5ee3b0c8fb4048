import type { Translations } from "../../i18n/types";
import { humanizeKey } from "./fields";
import { svFields, svValues } from "./sv-fields";

/*
 * The field names are English already: the English labels are those names in words ("vatRateBasisPoints"
 * → "Vat rate"), with the unit suffixes the formatter turns into kronor and percent left out.
 */
export const enFields = Object.fromEntries(
  Object.keys(svFields).map((key) => [key, humanizeKey(key)]),
) as Translations<typeof svFields>;

export const enValues = Object.fromEntries(
  Object.entries(svValues).map(([field, codes]) => [
    field,
    Object.fromEntries(Object.keys(codes).map((code) => [code, humanizeKey(code)])),
  ]),
) as Translations<typeof svValues>;
