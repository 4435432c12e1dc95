// Where a value's name comes from. Often not from its own key: a Kubernetes or ECS env entry
// (`- name: DB_PASSWORD` / `value: x`), an n8n header parameter (`name: Authorization`), a
// CloudFormation parameter default (`DbPassword: {Default: x}`), an ARM `securestring` parameter,
// a Terraform `variable "db_password" { default = x }`. Structure decides, not the key alone.
import type { MapNode, Node, Pair, PathSegment, ScalarNode } from '../../parse/model';
import { getPair, isMap, isScalar } from '../../parse/model';

/** Keys that hold the value of something named elsewhere (by a sibling or by the parent key). */
const VALUE_SLOTS = new Set(['value', 'default', 'defaultvalue', 'parametervalue', 'val']);
/** The lengths of the value slots and of `key`. */
const SLOT_LENGTHS = new Set([...VALUE_SLOTS, 'key'].map((k) => k.length));
/** Sibling keys that carry the name of a value slot's value. */
const NAME_SIBLINGS = ['name', 'Name', 'key', 'Key', 'ParameterKey', 'OptionName', 'variable', 'header'];

export interface NamedScalar {
  /** The name that says what the value is (`DB_PASSWORD`, `Authorization`, `DbPassword`). */
  name: string;
  value: ScalarNode;
  /** True when the structure itself declares the value secret (`NoEcho`, `securestring`, `sensitive`). */
  declaredSecret: boolean;
}

/**
 * True when `namedScalar` names a pair with this key by the key itself, whatever the structure
 * around it: the key is no value slot and not `key`. Most keys of a file are such keys, and the
 * rules asking about every pair can then skip building an answer for each.
 */
export function namesItself(key: string): boolean {
  return !SLOT_LENGTHS.has(key.length);
}

/** Name/value entries are small objects; a big map is a document, not an entry. */
const MAX_ENTRY_SIZE = 16;

/**
 * The name and value of a pair whose value is a scalar; undefined for maps and sequences.
 * `path` is the pair's key path (its last segment is the pair's own key).
 */
export function namedScalar(pair: Pair, path: readonly PathSegment[]): NamedScalar | undefined {
  const value = pair.value;
  if (!isScalar(value) || value.alias) return undefined;
  const key = pair.key.value;
  const map = pair.parent;
  const parentKey = keyAbove(path);
  // Only keys as long as a value slot or `key` are lowercased and looked up: most are neither.
  const lower = namesItself(key) ? '' : key.toLowerCase();
  const slot = VALUE_SLOTS.has(lower);
  if (slot && map && map.pairs.length <= MAX_ENTRY_SIZE) {
    for (const sibling of NAME_SIBLINGS) {
      const named = getPair(map, sibling);
      if (named && named !== pair && isScalar(named.value) && named.value.type === 'string' && named.value.value) {
        return { name: named.value.value, value, declaredSecret: declaresSecret(map) };
      }
    }
    if (parentKey) return { name: parentKey, value, declaredSecret: declaresSecret(map) };
  }
  // `jwt: {key: x}`, `api: {key: x}`: a bare `key` is named by the map it sits in.
  if (lower === 'key' && parentKey) return { name: `${parentKey} key`, value, declaredSecret: false };
  return { name: key, value, declaredSecret: false };
}

/** The key of the map holding the pair at `path`, when that map sits directly under a key. */
function keyAbove(path: readonly PathSegment[]): string | undefined {
  const key = path[path.length - 2];
  if (typeof key !== 'string') return undefined;
  // HCL blocks are keyed `variable.db_password`: the last label is the name.
  return key.includes('.') && /^(variable|output|locals?)\./.test(key) ? key.slice(key.lastIndexOf('.') + 1) : key;
}

/**
 * CloudFormation `NoEcho: true`, ARM `type: securestring`, Terraform `sensitive = true`. A table
 * built once: every `value:` entry of a Kubernetes `env:` list is asked about, and a literal here
 * allocated four arrays and four closures each time.
 */
const SECRET_DECLARATIONS: readonly (readonly [string, (value: string) => boolean])[] = [
  ['NoEcho', (v) => v.toLowerCase() === 'true'],
  ['type', (v) => /^secure(string|object)$/i.test(v)],
  ['Type', (v) => /^secure(string|object)$/i.test(v)],
  ['sensitive', (v) => v === 'true'],
];

function declaresSecret(map: Node): boolean {
  for (const [key, test] of SECRET_DECLARATIONS) {
    const p = getPair(map, key);
    if (p && isScalar(p.value) && test(p.value.value)) return true;
  }
  return false;
}

/** Logical names of a CloudFormation template (parameters, resources, conditions, mappings). */
const LOGICAL_NAMES = new WeakMap<object, Set<string>>();

function logicalNames(root: MapNode): Set<string> {
  let names = LOGICAL_NAMES.get(root);
  if (!names) {
    names = new Set();
    for (const section of ['Parameters', 'Resources', 'Conditions', 'Mappings']) {
      const map = getPair(root, section)?.value;
      if (isMap(map)) for (const p of map.pairs) names.add(p.key.value);
    }
    LOGICAL_NAMES.set(root, names);
  }
  return names;
}

/**
 * True when a CloudFormation value names a parameter or resource of its own template
 * (`Password: ParentMasterPassword`, `ServiceToken: MyFunction.Arn`): a reference written without
 * `Ref`/`GetAtt`, not a secret.
 */
export function isLogicalNameReference(node: Node, value: string): boolean {
  let root: Node = node;
  while (root.parent) root = root.parent;
  if (!isMap(root)) return false;
  const names = logicalNames(root);
  return names.has(value) || (value.includes('.') && names.has(value.slice(0, value.indexOf('.'))));
}
