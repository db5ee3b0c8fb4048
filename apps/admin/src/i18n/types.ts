/**
 * A feature's Swedish strings with every text widened to string: the type of its English strings. Swedish
 * is the source, so English with a key missing, or a key Swedish does not have, fails to compile.
 */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> };
