export { oreToDecimal, PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID, toUbl } from "./ubl.js";
export {
  assertValidUbl,
  judgeAsserts,
  PEPPOL_RULES_DIR,
  PEPPOL_RULES_RELEASE,
  type PeppolFinding,
  type PeppolResult,
  PeppolValidator,
  type PeppolValidatorOptions,
  type RawAssert,
  sharedPeppolValidator,
} from "./validator.js";
