/**
 * @module documents/word-pairs
 * Phrases answered from adjacent word pairs instead of word positions. A positional phrase
 * match ("Chỉ thị 16") cannot be decided by the GIN index: every document holding the three
 * words is re-read and its whole body vector decompressed, a second per query over 100,000
 * directives. The stored search vector also holds every pair of adjacent words as one lexeme
 * ("chi thi", "thi so", "so 16/ct-ttg": chidao_word_pairs in migration 0009), so a phrase
 * becomes a conjunction of its pairs, which the index answers exactly. A two-word phrase is
 * matched exactly; a longer one when each of its pairs occurs (almost always the phrase itself).
 *
 * This module rewrites the text form of a tsquery (as PostgreSQL prints it) so that it holds
 * no phrase operator: `'chi' <-> 'thi' <-> '16' & !( 'dak' <-> 'lak' )` becomes
 * `( 'chi thi' & 'thi 16' ) & !'dak lak'`.
 */

type Node =
  | { kind: "lexeme"; text: string; suffix: string }
  | { kind: "not"; operand: Node }
  | { kind: "and" | "or"; operands: Node[] }
  /** distances[i] separates operands[i] and operands[i + 1] (1 for <->). */
  | { kind: "phrase"; operands: Node[]; distances: number[] };

type Token = { kind: "lexeme"; text: string; suffix: string } | { kind: "op"; op: "&" | "|" | "!" | "(" | ")" } | { kind: "follow"; distance: number };

/** The tsquery text with every phrase operator replaced by word pairs; "" stays "". */
export function phrasesAsWordPairs(tsquery: string): string {
  const tokens = tokenize(tsquery);
  if (!tokens.length) return "";
  const parser = new Parser(tokens);
  const tree = parser.parse();
  return serialize(withoutPhrases(tree));
}

/** The pair lexeme of two adjacent words, as chidao_word_pairs stores it. */
export function wordPair(first: string, second: string): string {
  return `${first} ${second}`;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const { text, end } = quoted(input, i);
      const suffix = /^:[*A-Da-d]+/.exec(input.slice(end))?.[0] ?? "";
      tokens.push({ kind: "lexeme", text, suffix });
      i = end + suffix.length;
    } else if (c === "<") {
      const m = /^<(-|\d+)>/.exec(input.slice(i));
      if (!m) throw new SyntaxError(`tsquery: unexpected "<" at ${i}`);
      tokens.push({ kind: "follow", distance: m[1] === "-" ? 1 : Number(m[1]) });
      i += m[0].length;
    } else if (c === "&" || c === "|" || c === "!" || c === "(" || c === ")") {
      tokens.push({ kind: "op", op: c });
      i++;
    } else {
      // An unquoted lexeme (PostgreSQL always quotes them, but the input syntax allows it).
      const m = /^[^\s'&|!()<:]+/.exec(input.slice(i))!;
      const suffix = /^:[*A-Da-d]+/.exec(input.slice(i + m[0].length))?.[0] ?? "";
      tokens.push({ kind: "lexeme", text: m[0], suffix });
      i += m[0].length + suffix.length;
    }
  }
  return tokens;
}

/** A quoted lexeme starting at `start`: '' and \' are quotes, \\ a backslash. */
function quoted(input: string, start: number): { text: string; end: number } {
  let text = "";
  let i = start + 1;
  while (i < input.length) {
    const c = input[i]!;
    if (c === "\\" && i + 1 < input.length) {
      text += input[i + 1];
      i += 2;
    } else if (c === "'" && input[i + 1] === "'") {
      text += "'";
      i += 2;
    } else if (c === "'") {
      return { text, end: i + 1 };
    } else {
      text += c;
      i++;
    }
  }
  throw new SyntaxError("tsquery: unterminated quoted lexeme");
}

/** PostgreSQL's precedence: ! binds tightest, then <->, then &, then |. */
class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.or();
    if (this.at < this.tokens.length) throw new SyntaxError("tsquery: trailing tokens");
    return node;
  }

  private or(): Node {
    const operands = [this.and()];
    while (this.isOp("|")) {
      this.at++;
      operands.push(this.and());
    }
    return operands.length === 1 ? operands[0]! : { kind: "or", operands };
  }

  private and(): Node {
    const operands = [this.phrase()];
    while (this.isOp("&")) {
      this.at++;
      operands.push(this.phrase());
    }
    return operands.length === 1 ? operands[0]! : { kind: "and", operands };
  }

  private phrase(): Node {
    const operands = [this.unary()];
    const distances: number[] = [];
    for (let t = this.tokens[this.at]; t?.kind === "follow"; t = this.tokens[this.at]) {
      this.at++;
      distances.push(t.distance);
      operands.push(this.unary());
    }
    return operands.length === 1 ? operands[0]! : { kind: "phrase", operands, distances };
  }

  private unary(): Node {
    const t = this.tokens[this.at++];
    if (!t) throw new SyntaxError("tsquery: unexpected end");
    if (t.kind === "lexeme") return { kind: "lexeme", text: t.text, suffix: t.suffix };
    if (t.kind === "op" && t.op === "!") return { kind: "not", operand: this.unary() };
    if (t.kind === "op" && t.op === "(") {
      const inner = this.or();
      if (!this.isOp(")")) throw new SyntaxError("tsquery: missing )");
      this.at++;
      return inner;
    }
    throw new SyntaxError("tsquery: unexpected operator");
  }

  private isOp(op: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === "op" && t.op === op;
  }
}

function withoutPhrases(node: Node): Node {
  switch (node.kind) {
    case "lexeme":
      return node;
    case "not":
      return { kind: "not", operand: withoutPhrases(node.operand) };
    case "and":
    case "or":
      return { kind: node.kind, operands: node.operands.map(withoutPhrases) };
    case "phrase":
      return pairsOf(node);
  }
}

/**
 * A phrase as the conjunction of its adjacent pairs of plain words; an operand no pair covers
 * (a group, a prefix, a word at a distance other than 1) is required on its own.
 */
function pairsOf(phrase: Extract<Node, { kind: "phrase" }>): Node {
  const { operands, distances } = phrase;
  const parts: Node[] = [];
  const covered = new Set<number>();
  const plain = (n: Node): n is Extract<Node, { kind: "lexeme" }> => n.kind === "lexeme" && n.suffix === "";
  for (let i = 0; i + 1 < operands.length; i++) {
    const a = operands[i]!;
    const b = operands[i + 1]!;
    if (distances[i] === 1 && plain(a) && plain(b)) {
      parts.push({ kind: "lexeme", text: wordPair(a.text, b.text), suffix: "" });
      covered.add(i).add(i + 1);
    }
  }
  operands.forEach((operand, i) => {
    if (!covered.has(i)) parts.push(withoutPhrases(operand));
  });
  const unique = parts.filter((p, i) => p.kind !== "lexeme" || parts.findIndex((q) => q.kind === "lexeme" && q.text === p.text && q.suffix === p.suffix) === i);
  return unique.length === 1 ? unique[0]! : { kind: "and", operands: unique };
}

function serialize(node: Node): string {
  switch (node.kind) {
    case "lexeme":
      return `'${node.text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${node.suffix}`;
    case "not":
      return `!${grouped(node.operand)}`;
    case "and":
      return node.operands.map(grouped).join(" & ");
    case "or":
      return node.operands.map(grouped).join(" | ");
    case "phrase":
      return serialize(pairsOf(node));
  }
}

function grouped(node: Node): string {
  return node.kind === "lexeme" || node.kind === "not" ? serialize(node) : `( ${serialize(node)} )`;
}
