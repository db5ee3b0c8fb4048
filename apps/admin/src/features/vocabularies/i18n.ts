import { registerTranslations } from "../../i18n";
import { en } from "./en";
import { sv } from "./sv";

registerTranslations("vocabularies", { sv, en });
