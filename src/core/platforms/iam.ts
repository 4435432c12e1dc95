// AWS IAM policy statements wherever they are written: standalone policy documents (JSON/YAML),
// CloudFormation and serverless.yml (PolicyDocument, AssumeRolePolicyDocument, bucket/queue/topic
// and IoT policies, iamRoleStatements), Ansible tasks (`policy:` maps or `policy_json` strings),
// and Terraform (`aws_iam_policy_document` statement blocks, heredoc JSON, `jsonencode({...})`).
// Statements are found once per document and shared by the IAM rules.
import type { FileKind, TextRange } from '../types';
import type { RuleContext } from '../rule';
import type { MapNode, Node, ParsedDocument, ScalarNode } from '../parse/model';
import { get, isMap, isScalar, isSeq, str } from '../parse/model';
import { parseJson } from '../parse/json';
import { readHclExpression } from './hcl-expr';

export interface Item extends TextRange {
  value: string;
}

export interface Statement {
  allow: boolean;
  actions?: Item[];
  notActions?: Item[];
  /** The `NotAction` key, where a finding about it goes. */
  notActionKey?: TextRange;
  resources?: Item[];
  notResources?: Item[];
  /** Principal values (`*`, ARNs, services); undefined when the statement names none. */
  principals?: Item[];
  hasCondition: boolean;
  start: number;
  /** What holds the policy: a CloudFormation type (`AWS::IoT::Policy`) or a Terraform block. */
  owner?: string;
}

/** Maps a [from, to) slice of an embedded text back to the file. */
type Locate = (from: number, to: number) => TextRange;

const cache = new WeakMap<ParsedDocument, Statement[]>();

export function statementsOf(ctx: RuleContext, doc: ParsedDocument): Statement[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: Statement[] = [];
  const seen = new Set<number>();
  const add = (s: Statement | undefined) => {
    if (s && !seen.has(s.start)) {
      seen.add(s.start);
      out.push(s);
    }
  };
  const text = ctx.file.text;
  const hcl = ctx.file.parsed.syntax === 'hcl';
  walk(doc.root, (node, owner) => {
    if (isMap(node)) {
      if (hcl) {
        for (const pair of node.pairs) if (pair.key.value === 'statement' && isMap(pair.value)) add(fromHclBlock(text, pair.value, owner));
      } else {
        add(fromMap(node, identity, owner));
      }
      return;
    }
    if (!isScalar(node)) return;
    if (hcl && node.tag === '!expr' && /^(jsonencode\s*\(|\{|\[)/.test(node.value)) {
      const expr = readHclExpression(text, node.start);
      walk(expr, (inner) => isMap(inner) && add(fromMap(inner, identity, owner)));
      return;
    }
    if (node.type === 'string' && !node.tag && /statement/i.test(node.value) && /^\s*\{/.test(node.value)) {
      // A policy written as a JSON string: Ansible policy_json, Terraform heredoc, CloudFormation.
      const parsed = parseJson(node.value).documents[0]?.root ?? null;
      const locate: Locate = (from, to) => ctx.rangeIn(node, from, to);
      walk(parsed, (inner) => isMap(inner) && add(fromMap(inner, locate, owner)));
    }
  });
  cache.set(doc, out);
  return out;
}

const identity: Locate = (from, to) => ({ start: from, end: to });

/** Visits every node, with the CloudFormation type or Terraform block that encloses it. */
function walk(root: Node | null | undefined, visit: (node: Node, owner: string | undefined) => void): void {
  if (!root) return;
  const stack: { node: Node; owner: string | undefined }[] = [{ node: root, owner: undefined }];
  while (stack.length > 0) {
    const { node, owner } = stack.pop()!;
    visit(node, owner);
    if (isMap(node)) {
      const type = str(get(node, 'Type'));
      const here = type && type.startsWith('AWS::') ? type : owner;
      for (let i = node.pairs.length - 1; i >= 0; i--) {
        const p = node.pairs[i];
        const blockOwner = p.key.value.startsWith('resource.') || p.key.value.startsWith('data.') ? p.key.value : here;
        if (p.value) stack.push({ node: p.value, owner: blockOwner });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], owner });
    }
  }
}

/** `NotAction` → `notaction`, `not_actions` → `notaction`, `Resources` → `resource`. */
function norm(key: string): string {
  return key.toLowerCase().replace(/_/g, '').replace(/s$/, '');
}

/** A JSON/YAML statement: a map with `Effect` and `Action` or `NotAction`. */
function fromMap(map: MapNode, locate: Locate, owner: string | undefined): Statement | undefined {
  // Every statement has an effect: most maps are not statements, and normalising all their keys
  // first cost more than the rest of the IAM rules on large JSON files.
  if (!map.pairs.some((p) => p.key.value.length >= 6 && p.key.value.length <= 16 && norm(p.key.value) === 'effect')) return undefined;
  const keys = new Map(map.pairs.map((p) => [norm(p.key.value), p]));
  const effect = str(keys.get('effect')?.value);
  if (!effect || (!keys.has('action') && !keys.has('notaction'))) return undefined;
  const items = (k: string) => {
    const pair = keys.get(k);
    return pair ? itemsOf(pair.value, locate) : undefined;
  };
  const notActionPair = keys.get('notaction');
  const principal = keys.get('principal')?.value;
  return {
    allow: effect.toLowerCase() === 'allow',
    actions: items('action'),
    notActions: items('notaction'),
    notActionKey: notActionPair ? locate(notActionPair.key.start, notActionPair.key.end) : undefined,
    resources: items('resource'),
    notResources: items('notresource'),
    principals: principal ? principalItems(principal, locate) : undefined,
    hasCondition: keys.has('condition'),
    start: locate(map.start, map.start + 1).start,
    owner,
  };
}

function itemsOf(node: Node | null | undefined, locate: Locate): Item[] {
  const nodes = isSeq(node) ? node.items : node ? [node] : [];
  return nodes.filter(isScalar).map((n) => ({ value: n.value, ...locate(n.start, n.end) }));
}

/** `"*"`, `{ AWS: "*" }`, `{ AWS: ["arn...", "*"] }`: every principal value as an item. */
function principalItems(node: Node, locate: Locate): Item[] {
  if (isScalar(node)) return itemsOf(node, locate);
  if (isMap(node)) return node.pairs.flatMap((p) => itemsOf(p.value, locate));
  return [];
}

/** A Terraform `statement { ... }` block of `aws_iam_policy_document` (effect defaults to Allow). */
function fromHclBlock(text: string, block: MapNode, owner: string | undefined): Statement | undefined {
  const values = (key: string): Item[] | undefined => {
    const pairs = block.pairs.filter((p) => norm(p.key.value) === key);
    if (pairs.length === 0) return undefined;
    return pairs.flatMap((p) => hclItems(text, p.value));
  };
  const actions = values('action');
  const notActions = values('notaction');
  if (!actions && !notActions) return undefined;
  const effect = hclItems(text, get(block, 'effect'))[0]?.value;
  const notActionPair = block.pairs.find((p) => norm(p.key.value) === 'notaction');
  // principals { type = "AWS" identifiers = ["*"] } (or type = "*"); several blocks may appear.
  const principalBlocks = block.pairs.filter((p) => p.key.value === 'principals' && isMap(p.value)).map((p) => p.value as MapNode);
  const principals = principalBlocks.length
    ? principalBlocks.flatMap((b) => {
        const type = hclItems(text, get(b, 'type'))[0];
        const ids = hclItems(text, get(b, 'identifiers'));
        return type?.value === '*' ? [type] : ids;
      })
    : undefined;
  return {
    allow: !effect || effect.toLowerCase() === 'allow',
    actions,
    notActions,
    notActionKey: notActionPair ? { start: notActionPair.key.start, end: notActionPair.key.end } : undefined,
    resources: values('resource'),
    notResources: values('notresource'),
    principals,
    hasCondition: block.pairs.some((p) => p.key.value === 'condition'),
    start: block.start,
    owner,
  };
}

/**
 * The strings of an HCL value: a quoted string, or a (possibly multi-line) list. Values the line
 * reader kept raw (a list, or a string followed by a comment) are read again from the text.
 */
export function hclItems(text: string, node: Node | null | undefined): Item[] {
  if (!isScalar(node)) return [];
  if (node.tag !== '!expr') return [{ value: node.value, start: node.start, end: node.end }];
  const expr = readHclExpression(text, node.start);
  const nodes = isSeq(expr) ? expr.items : expr ? [expr] : [];
  return nodes.filter(isScalar).filter((n) => n.style === 'double').map((n) => ({ value: n.value, start: n.start, end: n.end }));
}

/** The strings a scalar stands for: itself, or for a raw HCL value, its quoted strings. */
export function scalarStrings(text: string, node: ScalarNode): Item[] {
  return node.tag === '!expr' ? hclItems(text, node) : [{ value: node.value, start: node.start, end: node.end }];
}

export function isWildcard(value: string): boolean {
  const v = value.trim();
  return v === '*' || v === '*:*';
}

/** `s3:*` → `s3`; undefined for anything narrower. */
export function serviceWildcard(value: string): string | undefined {
  const m = /^([a-z0-9-]+):\*$/i.exec(value.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** Kinds in which AWS policies are looked for, and the word every policy document contains. */
export const IAM_KINDS: readonly FileKind[] = ['iam-policy', 'cloudformation', 'serverless', 'ansible', 'terraform', 'kubernetes', 'yaml', 'json'];
export const IAM_KEYWORDS: readonly string[] = ['statement'];
