/**
 * PostgreSQL's text-search query, as `websearch_to_tsquery('swedish', q)::text` prints it, matched and
 * ranked in this process the way PostgreSQL does (tsvector_op.c for `@@`, tsrank.c for `ts_rank`), so
 * the in-memory catalogue index answers exactly what the SQL search answers. PostgreSQL still does the
 * language work: it stems the query and (when the index is built) the entries, so the Swedish Snowball
 * stemmer, the stop words and the tokenizer are PostgreSQL's own.
 */

export type TsNode =
  | { op: "term"; lexeme: string }
  | { op: "not"; arg: TsNode }
  | { op: "and" | "or"; left: TsNode; right: TsNode }
  | { op: "phrase"; distance: number; left: TsNode; right: TsNode };

export interface TsQuery {
  /** Null when the query has no lexemes (only stop words or punctuation): it matches nothing. */
  root: TsNode | null;
  /** Every operand once, in PostgreSQL's order (byte-wise), as ts_rank visits them. */
  items: string[];
}

/**
 * A quoted lexeme as PostgreSQL prints it in a tsquery or tsvector, read from just after its opening
 * quote: `''` is a quote, a backslash escapes the next character. Returns it and the index after its
 * closing quote (-1 when there is none).
 */
export function unescapeLexeme(text: string, from: number): [string, number] {
  let lexeme = "";
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" && text[i + 1] === "'") {
      lexeme += "'";
      i += 2;
    } else if (c === "'") {
      return [lexeme, i + 1];
    } else if (c === "\\") {
      lexeme += text[i + 1] ?? "";
      i += 2;
    } else {
      lexeme += c;
      i++;
    }
  }
  return [lexeme, -1];
}

type Token = { kind: "term"; lexeme: string } | { kind: "op"; op: string; distance?: number };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " ") {
      i++;
    } else if (c === "'") {
      const [lexeme, next] = unescapeLexeme(text, i + 1);
      if (next < 0) return null;
      i = next;
      // Weight restrictions and prefixes (`:A`, `:*`) are not produced by websearch_to_tsquery.
      if (text[i] === ":") return null;
      tokens.push({ kind: "term", lexeme });
    } else if (c === "<") {
      const match = /^<(-|\d+)>/.exec(text.slice(i));
      if (!match) return null;
      tokens.push({ kind: "op", op: "<>", distance: match[1] === "-" ? 1 : Number(match[1]) });
      i += match[0].length;
    } else if ("!&|()".includes(c)) {
      tokens.push({ kind: "op", op: c });
      i++;
    } else {
      return null;
    }
  }
  return tokens;
}

/** Operators bind as in PostgreSQL: `!` tightest, then `<N>`, then `&`, then `|`. */
function parse(tokens: Token[]): TsNode | null {
  let at = 0;
  const isOp = (op: string) => {
    const t = tokens[at];
    return t?.kind === "op" && t.op === op;
  };
  const unary = (): TsNode => {
    const t = tokens[at++];
    if (!t) throw new Error("unexpected end");
    if (t.kind === "term") return { op: "term", lexeme: t.lexeme };
    if (t.op === "!") return { op: "not", arg: unary() };
    if (t.op === "(") {
      const inner = or();
      if (!isOp(")")) throw new Error("unbalanced");
      at++;
      return inner;
    }
    throw new Error(`unexpected ${t.op}`);
  };
  const phrase = (): TsNode => {
    let left = unary();
    while (isOp("<>")) {
      const distance = (tokens[at++] as { distance: number }).distance;
      left = { op: "phrase", distance, left, right: unary() };
    }
    return left;
  };
  const binary = (op: "and" | "or", symbol: string, next: () => TsNode) => (): TsNode => {
    let left = next();
    while (isOp(symbol)) {
      at++;
      left = { op, left, right: next() };
    }
    return left;
  };
  const and = binary("and", "&", phrase);
  const or = binary("or", "|", and);
  const root = or();
  if (at !== tokens.length) throw new Error("trailing tokens");
  return root;
}

/** Phrases are matched on positions; only terms and phrases occur inside the ones websearch writes. */
function supported(node: TsNode, inPhrase: boolean): boolean {
  switch (node.op) {
    case "term":
      return true;
    case "phrase":
      return supported(node.left, true) && supported(node.right, true);
    case "not":
      return !inPhrase && supported(node.arg, false);
    default:
      return !inPhrase && supported(node.left, false) && supported(node.right, false);
  }
}

function collect(node: TsNode, into: string[]): void {
  if (node.op === "term") into.push(node.lexeme);
  else if (node.op === "not") collect(node.arg, into);
  else {
    collect(node.left, into);
    collect(node.right, into);
  }
}

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The query PostgreSQL printed, or null for a shape this module does not evaluate (the caller then asks
 * PostgreSQL); websearch_to_tsquery never writes one.
 */
export function parseTsQuery(text: string): TsQuery | null {
  const tokens = tokenize(text);
  if (!tokens) return null;
  if (tokens.length === 0) return { root: null, items: [] };
  let root: TsNode | null;
  try {
    root = parse(tokens);
  } catch {
    return null;
  }
  if (!root || !supported(root, false)) return null;
  const items: string[] = [];
  collect(root, items);
  return { root, items: [...new Set(items)].sort(byBytes) };
}

/**
 * Positions of one lexeme in one document as PostgreSQL stores them (WordEntryPos): the position in the
 * low 14 bits, the weight (D=0 … A=3) in the top two.
 */
export type Positions = Uint16Array;
export const positionOf = (wep: number) => wep & 0x3fff;
const weightOf = (wep: number) => wep >> 14;

/** The positions where a phrase ends, and its width, as TS_phrase_execute computes them. */
function phrasePositions(
  node: TsNode,
  positions: (lexeme: string) => Positions | undefined,
): { at: number[]; width: number } {
  if (node.op === "term") return { at: Array.from(positions(node.lexeme) ?? [], positionOf), width: 0 };
  if (node.op !== "phrase") throw new Error("not a phrase");
  const left = phrasePositions(node.left, positions);
  const right = phrasePositions(node.right, positions);
  const offset = node.distance + right.width;
  const starts = new Set(left.at);
  return {
    at: right.at.filter((p) => starts.has(p - offset)),
    width: node.distance + left.width + right.width,
  };
}

/** Whether a phrase occurs in a document whose lexeme positions `positions` gives. */
export function phraseMatches(node: TsNode, positions: (lexeme: string) => Positions | undefined): boolean {
  return phrasePositions(node, positions).at.length > 0;
}

/** ts_rank's default weights {D, C, B, A} as the float4 values PostgreSQL multiplies. */
const WEIGHTS = [0.1, 0.2, 0.4, 1.0].map(Math.fround) as [number, number, number, number];
const f = Math.fround;

/** tsrank.c word_distance for distances 0…100 (further apart counts as 1e-30). */
const WORD_DISTANCE = Array.from({ length: 101 }, (_, w) => f(1.0 / (1.005 + 0.05 * Math.exp(w / 1.5 - 2))));
const wordDistance = (w: number) => (w > 100 ? f(1e-30) : (WORD_DISTANCE[w] as number));

function rankOr(found: (Positions | undefined)[]): number {
  let res = 0;
  for (const post of found) {
    if (!post) continue;
    let resj = 0;
    let wjm = -1;
    let jm = 0;
    for (let j = 0; j < post.length; j++) {
      const w = WEIGHTS[weightOf(post[j] as number)] as number;
      resj = f(resj + f(w / ((j + 1) * (j + 1))));
      if (w > wjm) {
        wjm = w;
        jm = j;
      }
    }
    res = f(res + f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685);
  }
  return found.length > 0 ? f(res / found.length) : res;
}

function rankAnd(found: (Positions | undefined)[]): number {
  if (found.length < 2) return rankOr(found);
  let res = -1;
  for (let i = 0; i < found.length; i++) {
    const post = found[i];
    if (!post) continue;
    for (let k = 0; k < i; k++) {
      const ct = found[k];
      if (!ct) continue;
      for (let l = 0; l < post.length; l++) {
        for (let p = 0; p < ct.length; p++) {
          const dist = Math.abs(positionOf(post[l] as number) - positionOf(ct[p] as number));
          // Every lexeme here has positions, so two at the same position do not count (tsrank.c).
          if (dist === 0) continue;
          const wl = WEIGHTS[weightOf(post[l] as number)] as number;
          const wp = WEIGHTS[weightOf(ct[p] as number)] as number;
          const curw = f(Math.sqrt(f(f(wl * wp) * wordDistance(dist))));
          res = res < 0 ? curw : f(1.0 - (1.0 - res) * (1.0 - curw));
        }
      }
    }
  }
  return res;
}

/**
 * ts_rank(search, query) with default weights and no normalisation, as a float4; `found[i]` holds the
 * document's positions of `query.items[i]`, if it has the lexeme.
 */
export function tsRank(query: TsQuery, found: (Positions | undefined)[]): number {
  if (!query.root) return 0;
  const and = query.root.op === "and" || query.root.op === "phrase";
  const res = and ? rankAnd(found) : rankOr(found);
  return res < 0 ? f(1e-20) : res;
}

/**
 * `round(rank::numeric, 6)` in millionths: PostgreSQL turns a float4 into numeric through six significant
 * digits (`%.6g`, ties to even on the exact value), then rounds half away from zero.
 */
export function rankMicros(rank: number): number {
  if (rank === 0) return 0;
  // The exact decimal expansion: a float4 has far fewer than 100 significant digits in this range.
  const [mantissa = "0", exponent = "0"] = rank.toExponential(99).split("e");
  const digits = mantissa.replace(".", "");
  let six = Number(digits.slice(0, 6));
  const rest = digits.slice(6);
  const first = rest[0] ?? "0";
  if (first > "5" || (first === "5" && (/[1-9]/.test(rest.slice(1)) || six % 2 === 1))) six += 1;
  // The value is six × 10^(exponent − 5), which is six × 10^(exponent + 1) millionths.
  const shift = Number(exponent) + 1;
  if (shift >= 0) return six * 10 ** shift;
  const divisor = 10 ** -shift;
  return Math.floor(six / divisor) + ((six % divisor) * 2 >= divisor ? 1 : 0);
}

/** `round(rank, 6)` as PostgreSQL prints it (the relevance cursor's key), from millionths. */
export const rankKeyText = (micros: number) =>
  `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
