/**
 * The cast of the contract's examples: the same förbund, people and resources appear across operations, so
 * an integrator can follow one id from the response that made it to the request that uses it.
 */

export const NNS = {
  id: "1ee36df9-9d38-47fb-be3f-8ad8d7877ee4",
  name: "Nationella nätverket för samordningsförbund",
  slug: "nns",
} as const;

export const GOTEBORG_NORDOST = {
  id: "a3b891c3-af74-4e51-b4a1-687acc6d3797",
  name: "Samordningsförbundet Göteborg Nordost",
  slug: "goteborg-nordost",
  countyCode: "14",
} as const;

export const HALLAND = {
  id: "e1795367-8a0f-4945-a7b2-663c2b4b8aec",
  name: "Samordningsförbundet i Halland",
  slug: "halland",
  countyCode: "13",
} as const;

export const NORRA_VASTMANLAND = {
  id: "d7dfbb74-aafe-4381-a12d-9119fbc07b6d",
  name: "Samordningsförbundet Norra Västmanland",
  slug: "norra-vastmanland",
  countyCode: "19",
} as const;

export const PEOPLE = {
  anna: {
    id: "6268c2bf-d0fb-4e42-ad21-9f8c0a9a8d9b",
    name: "Anna Lindqvist",
    email: "anna.lindqvist@halland.samordning.se",
  },
  johan: {
    id: "7e83476e-4fe5-494d-add9-e978189187d6",
    name: "Johan Karlsson",
    email: "johan.karlsson@nordost.samordning.se",
  },
  maria: { id: "820a5783-8162-432a-99b7-3a6295172a0e", name: "Maria Nilsson", email: "maria.nilsson@nns.se" },
} as const;

export const IDS = {
  apiKey: "5b668dbb-65cf-4f53-87d0-7313f2147725",
  invitation: "312657a2-b632-4688-99ff-d7046d3d31c5",
  auditEntry: "1000a5a7-4d16-4336-bd9d-c6552e746432",
  email: "0ebb221b-9dee-492a-96e1-0eb97ddd7301",
  trainer: "858cd358-88b8-45da-bf51-8086f25d24f4",
  certification: "1cf6e93f-d096-4feb-a5d0-e9b5b932da85",
  priceItem: "83369fa8-fb12-4d2c-a9f4-021b161a5dbe",
  template: "947a34e5-0457-42bb-9e20-70fed2b45f6e",
  trainingRequest: "aa7b203a-d4bf-4d13-b5d9-5ab544481a88",
  otherTrainingRequest: "fc83d8b8-3452-464f-bd62-a8f9581cd9f5",
  training: "7a55a12f-529f-4d69-bcc0-17b5d17ed22c",
  event: "d6ae4cee-385f-4998-b0f3-4602641431c7",
  session: "3d49a656-29cc-473e-ac90-fba1ba13c3bf",
  secondSession: "ae80e0c7-c797-46ba-abab-4cc09fcd947c",
  participant: "59ea916f-d675-4427-bf08-61ed7a2076d6",
  registration: "99a700b7-733e-41b1-bf6c-01cf631ac59f",
  secondRegistration: "c1c3d95c-a2e5-4b99-b1a0-0c4a6d99a1bb",
  printCost: "22b6e255-6c39-4ca5-94bd-81a5655f43a3",
  intervention: "84c74bfd-9f3e-4a8d-a8e8-1e522815506d",
  parentIntervention: "c42749d7-64bb-4cba-9d59-7cc8ec8ee15f",
  partIntervention: "8f94409d-5ddc-485b-893a-dd873f2b3122",
  session2: "a95b9ba6-9933-42b6-931c-d506328b9d46",
} as const;

/** Mapped over arrays and tuples too, where it keeps a tuple a tuple. */
type Writable<T> = T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/**
 * An example object, its strings kept as literals so that enum fields type-check against the schema the
 * example documents; read-only only in how it was written, as the schemas' types are mutable.
 */
export const example = <const T>(value: T): Writable<T> => value as Writable<T>;
