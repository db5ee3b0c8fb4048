import path from "node:path";
import ts from "typescript";

/**
 * The rule every exported service function keeps when it opens a transaction that writes: the actor's
 * permission is checked before the transaction opens (a call to a `require…` helper, directly or through
 * a service function that makes one), and the change is written to the audit log inside it (`audit`,
 * `writeAudit` or `auditForPerson`). A function that rightly skips a step says why, in a comment right
 * above it:
 *
 *   // convention: no permission check — <why: the token is the permission, say>
 *   // convention: no audit — <why: bookkeeping no one audits, say>
 *   // convention: system job — <why: runs as the system for no one; skips both>
 *
 * A marker that is unknown, has no reason, or excuses a step the function takes anyway is reported too,
 * so markers stay true. The check reads the code through the TypeScript compiler: calls are resolved to
 * their declarations, and a write is a drizzle insert, update or delete (or raw SQL that starts with one),
 * in the transaction's callback or in any service function it calls; the audit entry, too, may be written
 * by a service function the callback calls.
 */

const SERVICES_SRC = path.resolve(import.meta.dirname, "../src");

const EXEMPTIONS = {
  "no permission check": ["permission check"],
  "no audit": ["audit"],
  "system job": ["permission check", "audit"],
} as const satisfies Record<string, readonly Step[]>;

type Step = "permission check" | "audit";
type Exemption = keyof typeof EXEMPTIONS;

const AUDIT_FUNCTIONS = new Set(["audit", "writeAudit", "auditForPerson"]);
const WRITES = new Set(["insert", "update", "delete"]);
const MARKER = /^\/\/\s*convention:\s*(.*)$/;

export interface Violation {
  file: string;
  fn: string;
  problem: string;
}

export function formatViolation(v: Violation): string {
  return `${v.file}: ${v.fn}: ${v.problem}`;
}

/** The services' sources, with `extra` files (path → text) as if they were among them. */
export function servicesProgram(extra: Record<string, string> = {}): ts.Program {
  const configPath = path.resolve(SERVICES_SRC, "../tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const virtual = new Map(
    Object.entries(extra).map(([file, text]) => [path.resolve(SERVICES_SRC, file), text]),
  );
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = virtual.get(file);
    return text !== undefined
      ? ts.createSourceFile(file, text, language, true)
      : getSourceFile.call(host, file, language, ...rest);
  };
  const roots = config.fileNames.filter((f) => inServices(f)).concat([...virtual.keys()]);
  return ts.createProgram(roots, config.options, host);
}

function inServices(file: string): boolean {
  return path.resolve(file).startsWith(SERVICES_SRC + path.sep) && !file.endsWith(".d.ts");
}

/** Checks every exported function of the services' sources (or of `only`, paths relative to src). */
export function checkServiceConventions(program: ts.Program, only?: string[]): Violation[] {
  const checker = program.getTypeChecker();
  const wanted = only?.map((f) => path.resolve(SERVICES_SRC, f));
  const files = program
    .getSourceFiles()
    .filter((sf) => inServices(sf.fileName) && (!wanted || wanted.includes(path.resolve(sf.fileName))));
  const writesMemo = new Map<ts.Node, boolean>();
  const checksMemo = new Map<ts.Node, boolean>();
  const auditsMemo = new Map<ts.Node, boolean>();

  /** The function a call goes to, when it is declared with a body. */
  function calleeOf(
    call: ts.CallExpression,
  ): { name: string; file: string; body: ts.Node | undefined } | null {
    // Services call each other by name; of the methods, only the query builder's writes matter, and
    // resolving every method would type-check every query.
    const { expression } = call;
    const method = ts.isPropertyAccessExpression(expression) ? expression.name : null;
    if (method && !WRITES.has(method.text) && method.text !== "execute") return null;
    let symbol = checker.getSymbolAtLocation(method ?? expression);
    if (!symbol) return null;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol.declarations?.[0];
    if (!declaration) return null;
    return { name: symbol.name, file: declaration.getSourceFile().fileName, body: bodyOf(declaration) };
  }

  function bodyOf(declaration: ts.Declaration): ts.Node | undefined {
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration.body;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = declaration.initializer;
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init.body;
    }
    return undefined;
  }

  function calls(node: ts.Node): ts.CallExpression[] {
    const found: ts.CallExpression[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) found.push(n);
      ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  function isDrizzleWrite(call: ts.CallExpression): boolean {
    if (!ts.isPropertyAccessExpression(call.expression)) return false;
    const method = call.expression.name.text;
    const callee = calleeOf(call);
    if (!callee?.file.includes(`${path.sep}drizzle-orm${path.sep}`)) return false;
    if (WRITES.has(method)) return true;
    if (method !== "execute") return false;
    const [statement] = call.arguments;
    if (!statement || !ts.isTaggedTemplateExpression(statement)) return false;
    const text = ts.isNoSubstitutionTemplateLiteral(statement.template)
      ? statement.template.text
      : statement.template.head.text;
    return /^\s*(insert|update|delete)\b/i.test(text);
  }

  /** Whether running `node` writes to the database, through drizzle here or in a service it calls. */
  function writes(node: ts.Node): boolean {
    const known = writesMemo.get(node);
    if (known !== undefined) return known;
    writesMemo.set(node, false);
    const result = calls(node).some((call) => {
      if (isDrizzleWrite(call)) return true;
      const callee = calleeOf(call);
      return callee?.body !== undefined && inServices(callee.file) && writes(callee.body);
    });
    writesMemo.set(node, result);
    return result;
  }

  function isPermissionCheck(call: ts.CallExpression): boolean {
    const callee = calleeOf(call);
    if (!callee || !inServices(callee.file)) return false;
    if (/^require[A-Z]/.test(callee.name)) return true;
    return callee.body !== undefined && checksPermission(callee.body);
  }

  /** Whether `node` checks a permission before any transaction it opens. */
  function checksPermission(node: ts.Node): boolean {
    const known = checksMemo.get(node);
    if (known !== undefined) return known;
    checksMemo.set(node, false);
    const all = calls(node);
    const firstTransaction = all.find(isTransaction)?.getStart() ?? Number.POSITIVE_INFINITY;
    const result = all.some((call) => call.getStart() < firstTransaction && isPermissionCheck(call));
    checksMemo.set(node, result);
    return result;
  }

  function isTransaction(call: ts.CallExpression): boolean {
    const callee = calleeOf(call);
    return (
      callee !== null &&
      callee.name === "transaction" &&
      callee.file.includes(`${path.sep}packages${path.sep}db${path.sep}`)
    );
  }

  function isAudit(call: ts.CallExpression): boolean {
    const callee = calleeOf(call);
    return callee !== null && AUDIT_FUNCTIONS.has(callee.name) && callee.file.endsWith(`${path.sep}audit.ts`);
  }

  /** Whether running `node` writes an audit entry, here or in a service it calls (a shared insert, say). */
  function audits(node: ts.Node): boolean {
    const known = auditsMemo.get(node);
    if (known !== undefined) return known;
    auditsMemo.set(node, false);
    const result = calls(node).some((call) => {
      if (isAudit(call)) return true;
      const callee = calleeOf(call);
      return callee?.body !== undefined && inServices(callee.file) && audits(callee.body);
    });
    auditsMemo.set(node, result);
    return result;
  }

  const violations: Violation[] = [];
  for (const sf of files) {
    const file = path.relative(path.resolve(SERVICES_SRC, "../../.."), sf.fileName);
    for (const { name, statement, body } of exportedFunctions(sf)) {
      const report = (problem: string) => violations.push({ file, fn: name, problem });
      const { exempt, problems } = readMarkers(statement, sf);
      problems.forEach(report);
      const missing = new Set<Step>();
      const all = calls(body);
      for (const call of all.filter(isTransaction)) {
        const callback = call.arguments[call.arguments.length - 1];
        if (!callback || !writes(callback)) continue;
        const checked = all.some(
          (c) => c.getStart() < call.getStart() && !within(c, call) && isPermissionCheck(c),
        );
        if (!checked) missing.add("permission check");
        if (!audits(callback)) missing.add("audit");
      }
      for (const step of missing) {
        if (exempt.has(step)) continue;
        report(
          step === "audit"
            ? "opens a transaction that writes but records no audit entry in it (audit/writeAudit); audit the change, or say why not with `// convention: no audit — <reason>`"
            : "opens a transaction that writes without checking a permission before it (requirePermission or another require… helper); check one, or say why not with `// convention: no permission check — <reason>`",
        );
      }
      for (const step of exempt) {
        if (!missing.has(step))
          report(`its convention marker excuses the ${step}, which it does not skip: remove the marker`);
      }
    }
  }
  return violations;
}

function within(node: ts.Node, ancestor: ts.Node): boolean {
  return node.getStart() >= ancestor.getStart() && node.getEnd() <= ancestor.getEnd();
}

function exportedFunctions(sf: ts.SourceFile): { name: string; statement: ts.Statement; body: ts.Node }[] {
  const found: { name: string; statement: ts.Statement; body: ts.Node }[] = [];
  const exported = (s: ts.Statement) =>
    ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of sf.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body)
      found.push({ name: statement.name.text, statement, body: statement.body });
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          found.push({ name: d.name.text, statement, body: init.body });
      }
  }
  return found;
}

/** The steps the comments right above a function excuse, and what is wrong with its markers. */
function readMarkers(statement: ts.Statement, sf: ts.SourceFile): { exempt: Set<Step>; problems: string[] } {
  const exempt = new Set<Step>();
  const problems: string[] = [];
  const text = sf.getFullText();
  for (const range of ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []) {
    const match = MARKER.exec(text.slice(range.pos, range.end));
    if (!match) continue;
    const [kind, reason] = (match[1] ?? "").split(/\s+—\s+/, 2).map((s) => s.trim());
    if (!kind || !(kind in EXEMPTIONS)) {
      problems.push(
        `unknown convention marker "${match[0]}"; use one of: ${Object.keys(EXEMPTIONS).join(", ")}, followed by " — <reason>"`,
      );
      continue;
    }
    if (!reason || reason.length < 10) {
      problems.push(
        `its convention marker "${kind}" gives no reason: write "// convention: ${kind} — <reason>"`,
      );
      continue;
    }
    for (const step of EXEMPTIONS[kind as Exemption]) exempt.add(step);
  }
  return { exempt, problems };
}
