// Collects every regular expression of the project, for the ReDoS check (test/unit/redos.test.ts).
// Two sources, because each misses what the other sees:
//   1. Runtime: every module under src/core is imported and its exports are walked (objects,
//      arrays, class statics; cycles and depth bounded) for RegExp objects, e.g. the provider
//      token catalog's patterns and regexes built at load time from other regexes.
//   2. Source: every .ts file under src/ is parsed with the TypeScript compiler, and every regex
//      literal and every `new RegExp(...)` / `RegExp(...)` whose pattern is a string literal or
//      a template without substitutions is collected (flags likewise).
// What neither can see: regexes built at run time from data (a `RegExp` call whose pattern is a
// variable, a concatenation or a template with substitutions), and regexes hidden inside
// closures that are never exported. The source scan lists those calls as `dynamic` so a test can
// name them and check each one by hand with a worst-case stand-in for the data.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  source: string;
  flags: string;
  /** `path:line` for source hits, `module#export.path` for runtime hits. */
  where: string;
}

export interface DynamicRegex {
  where: string;
  /** The pattern expression as written. */
  code: string;
}

const ROOT = join(__dirname, '..', '..');

export function sourceFiles(dir = join(ROOT, 'src')): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** Regex literals and literal `RegExp(...)` constructions in the TypeScript sources. */
export function regexesInSources(files = sourceFiles()): { found: FoundRegex[]; dynamic: DynamicRegex[] } {
  const found: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const where = (node: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const literal = (node: ts.Expression | undefined): string | undefined =>
      node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const raw = node.getText(sf);
        const slash = raw.lastIndexOf('/');
        found.push({ source: raw.slice(1, slash), flags: raw.slice(slash + 1), where: where(node) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const source = literal(pattern);
        const flagText = flags === undefined ? '' : literal(flags);
        if (source !== undefined && flagText !== undefined) found.push({ source, flags: flagText, where: where(node) });
        else if (pattern) dynamic.push({ where: where(node), code: pattern.getText(sf) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic };
}

/** RegExp objects reachable from the exports of every module under src/core. */
export async function regexesInExports(dir = join(ROOT, 'src', 'core')): Promise<FoundRegex[]> {
  const found: FoundRegex[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, where: string, depth: number): void => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth > 8) return;
    seen.add(value);
    if (value instanceof RegExp) {
      found.push({ source: value.source, flags: value.flags, where });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${where}[${i}]`, depth + 1));
      return;
    }
    if (value instanceof Map) {
      for (const [k, v] of value) walk(v, `${where}.get(${String(k)})`, depth + 1);
      return;
    }
    if (value instanceof Set) {
      for (const v of value) walk(v, `${where}{}`, depth + 1);
      return;
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      if (typeof value === 'function' && ['prototype', 'caller', 'callee', 'arguments', 'length', 'name'].includes(key)) continue;
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[key];
      } catch {
        continue; // a throwing getter holds no regex we can reach
      }
      walk(v, `${where}.${key}`, depth + 1);
    }
  };
  for (const file of sourceFiles(dir)) {
    const mod = (await import(file)) as Record<string, unknown>;
    walk(mod, relative(ROOT, file).replace(/\.ts$/, '') + '#', 0);
  }
  return found;
}

/** Both sources, deduplicated by source and flags (the first place each was seen is kept). */
export async function allRegexes(): Promise<{ regexes: FoundRegex[]; dynamic: DynamicRegex[] }> {
  const { found, dynamic } = regexesInSources();
  const runtime = await regexesInExports();
  const byKey = new Map<string, FoundRegex>();
  for (const r of [...found, ...runtime]) {
    // The engine adds `g`/`y` itself in places; they do not change backtracking, so they are
    // dropped from the key (recheck is given the flags that matter: i, m, s, u, v).
    const flags = r.flags.replace(/[gyd]/g, '');
    const key = `${flags}/${r.source}`;
    if (!byKey.has(key)) byKey.set(key, { ...r, flags });
  }
  return { regexes: [...byKey.values()], dynamic };
}

// Shared with the CLI's check of custom patterns (src/core/custom-patterns-recheck.ts).
export { relaxRepeats } from '../../src/core/custom-patterns';

/**
 * Loads one top-level function of a source file on its own (transpiled, no imports), for
 * functions that build regexes from data but live in modules tests cannot import (e.g. ones that
 * import `vscode`). The function must use nothing but its parameters and JavaScript built-ins.
 */
export function loadStandaloneFunction<F extends (...args: never[]) => unknown>(file: string, name: string): F {
  const path = join(ROOT, file);
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const decl = sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (!decl) throw new Error(`${file} has no top-level function ${name}`);
  const js = ts.transpileModule(decl.getText(sf).replace(/^export\s+/, ''), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } }).outputText;
  return new Function(`${js}\nreturn ${name};`)() as F;
}
