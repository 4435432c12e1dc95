// URLs that name something instead of connecting to it: XML and JSON-LD namespaces, schema ids,
// license URIs, and links meant for people (documentation, homepages). None of these is fetched
// by the automation, so their scheme is not a transport risk.
import type { FileKind } from '../../types';
import type { PathSegment } from '../../parse/model';
import { normalizeKey } from './settings';

/** Keys (normalized) whose value is an identifier or prose, never an endpoint. */
const IDENTIFIER_KEYS = new Set([
  'schema',
  'id',
  'ref',
  'context',
  'type',
  'vocab',
  'namespace',
  'namespaceuri',
  'targetnamespace',
  'schemalocation',
  'nonamespaceschemalocation',
  'xsi',
  'license',
  'licenses',
  'licenseurl',
  'homepage',
  'website',
  'documentation',
  'documentationurl',
  'docs',
  'docsurl',
  'helpuri',
  'helpurl',
  'informationuri',
  'termsofservice',
  'changelog',
  'releasenotes',
  'funding',
  'description',
  'example',
  'examples',
  'usage',
  'summary',
  'title',
  'help',
  'helptext',
  'text',
  'message',
  'comment',
  'comments',
  'note',
  'notes',
  'urltemplate',
  'pattern',
  'regex',
  'regexp',
]);

/** Hosts that only serve as namespace or schema identifiers (and their subdomains). */
const IDENTIFIER_HOSTS = [
  'w3.org',
  'json-schema.org',
  'schemas.xmlsoap.org',
  'xmlsoap.org',
  'schemas.microsoft.com',
  'schemas.openxmlformats.org',
  'schemas.android.com',
  'purl.org',
  'purl.oclc.org',
  'xmlns.com',
  'xmlns.jcp.org',
  'xmlns.oracle.com',
  'ns.adobe.com',
  'schema.org',
  'docbook.org',
  'relaxng.org',
  'opengis.net',
  'xml.org',
  'tempuri.org',
  'dublincore.org',
  'maven.apache.org',
  // S3 ACL grantee groups (`http://acs.amazonaws.com/groups/global/AllUsers`) are names.
  'acs.amazonaws.com',
];

/** Host and path prefixes of identifier URIs on hosts that also serve real content. */
const IDENTIFIER_PREFIXES = [
  'apache.org/licenses/',
  'www.apache.org/licenses/',
  'www.apache.org/xml/',
  'gnu.org/licenses/',
  'www.gnu.org/licenses/',
  'opensource.org/licenses/',
  'creativecommons.org/licenses/',
  'creativecommons.org/publicdomain/',
  'www.springframework.org/schema/',
  'java.sun.com/xml/ns/',
  'java.sun.com/dtd/',
  'www.eclipse.org/legal/',
];

/** Fields of package manifests that link to pages for people. */
const MANIFEST_LINK_FIELDS = new Set(['homepage', 'bugs', 'repository', 'author', 'authors', 'contributors', 'maintainers', 'funding', 'license', 'licenses', 'support', 'home', 'sources', 'icon']);
const MANIFESTS = new Set(['package.json', 'composer.json', 'bower.json', 'chart.yaml', 'chart.yml']);


/** A JSON-LD or JSON-Schema identifier key just before the URL, in JSON kept inside a string. */
const IDENTIFIER_KEY_BEFORE = /["'](?:@context|@id|@type|@vocab|\$schema|\$id)["'][ \t]{0,4}:[ \t]{0,4}\\?["']$/;

export function isIdentifierKey(key: string): boolean {
  const k = normalizeKey(key);
  return IDENTIFIER_KEYS.has(k) || k.startsWith('xmlns') || /^(org\.opencontainers\.image|org\.label-schema)\./.test(key);
}

/** `.w3.org` and so on, built once: checked for every URL of a file, which can hold thousands. */
const IDENTIFIER_SUBDOMAIN_SUFFIXES = IDENTIFIER_HOSTS.map((h) => `.${h}`);

export function isIdentifierHost(host: string, hostAndPath: string): boolean {
  for (let i = 0; i < IDENTIFIER_HOSTS.length; i++) if (host === IDENTIFIER_HOSTS[i] || host.endsWith(IDENTIFIER_SUBDOMAIN_SUFFIXES[i])) return true;
  return IDENTIFIER_PREFIXES.some((p) => hostAndPath.startsWith(p));
}

/** Links for people by position: OpenAPI `info` and `externalDocs`, manifest fields such as `homepage`. */
export function isLinkForPeople(kind: FileKind, fileName: string, path: PathSegment[] | undefined): boolean {
  if (!path || path.length === 0) return false;
  if (kind === 'openapi' && (path[0] === 'info' || path.includes('externalDocs'))) return true;
  return MANIFESTS.has(fileName) && typeof path[0] === 'string' && MANIFEST_LINK_FIELDS.has(path[0]);
}

/** Identifier or link syntax right before the URL; `before` is the source text that precedes it. */
export function isAfterIdentifierSyntax(before: string): boolean {
  // A Markdown link (`[docs](http://...)`) is text for people.
  return inNamespaceAttribute(before) || IDENTIFIER_KEY_BEFORE.test(before) || before.endsWith('](');
}

/**
 * Inside an attribute that holds namespaces, in XML kept in a YAML block or a text file:
 * `xmlns:x="http://...`, `xsi:schemaLocation="http://a http://b`.
 */
function inNamespaceAttribute(before: string): boolean {
  const quote = Math.max(before.lastIndexOf('"'), before.lastIndexOf("'"));
  if (quote < 0 || before.includes('<', quote) || before.includes('>', quote)) return false;
  let end = quote;
  if (before[end - 1] === '\\') end--;
  while (end > 0 && (before[end - 1] === ' ' || before[end - 1] === '\t')) end--;
  if (before[end - 1] !== '=') return false;
  end--;
  while (end > 0 && (before[end - 1] === ' ' || before[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && end - start < 100 && /[\w.:-]/.test(before[start - 1])) start--;
  const name = before.slice(start, end).toLowerCase();
  return name === 'xmlns' || name.startsWith('xmlns:') || name.endsWith('schemalocation');
}
