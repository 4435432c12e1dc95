// What well-known actions and `gh` commands need from the GITHUB_TOKEN. The table is the single
// source for the least-privilege fix and for the rules that judge a grant as unneeded. An action
// or command that is not in it is "unknown": nothing is inferred for it, and rules that need
// certainty stay quiet.
import type { MapNode, Node } from '../parse/model';
import { get, isMap, str } from '../parse/model';
import type { Grants } from './github';
import { table } from '../table';

/** How a step's `with:` inputs read, for entries whose needs depend on them. */
export interface Inputs {
  has(name: string): boolean;
  /** The input's value as written (expressions kept), or undefined. */
  value(name: string): string | undefined;
}

type Needs = Grants | ((inputs: Inputs) => Grants);

interface ActionEntry {
  needs: Needs;
  /**
   * Inputs through which the action takes a token. When one is set to something other than the
   * GITHUB_TOKEN (a PAT, an app token), the action does not use the GITHUB_TOKEN at all.
   */
  tokenInputs?: readonly string[];
}

const TOKEN_INPUTS = ['token', 'github-token', 'github_token', 'repo-token', 'repo_token', 'githubtoken'];

const NONE: Grants = {};
const READ_CONTENTS: Grants = { contents: 'read' };
const WRITE_CONTENTS: Grants = { contents: 'write' };
const OIDC: Grants = { 'id-token': 'write' };
const SCORECARD_PUBLISH: Grants = { 'security-events': 'write', 'id-token': 'write', contents: 'read', actions: 'read' };
const SCORECARD_LOCAL: Grants = { contents: 'read', actions: 'read' };

/** Keys: `owner/repo` or `owner/repo/path`, lowercase, without `@ref`. */
const ACTIONS = table<ActionEntry>({
  'actions/checkout': { needs: (w) => (w.has('ssh-key') ? NONE : READ_CONTENTS) },
  'actions/cache': { needs: NONE },
  'actions/cache/restore': { needs: NONE },
  'actions/cache/save': { needs: NONE },
  'actions/upload-artifact': { needs: NONE },
  // Downloading from another run goes through the Actions API.
  'actions/download-artifact': { needs: (w) => (w.has('run-id') ? { actions: 'read' } : NONE) },
  'actions/upload-pages-artifact': { needs: NONE },
  'actions/configure-pages': { needs: (w) => (isTrue(w.value('enablement')) ? { pages: 'write' } : { pages: 'read' }) },
  'actions/deploy-pages': { needs: { pages: 'write', 'id-token': 'write' } },
  'actions/jekyll-build-pages': { needs: NONE },
  'actions/attest-build-provenance': { needs: { 'id-token': 'write', attestations: 'write' } },
  'actions/attest-sbom': { needs: { 'id-token': 'write', attestations: 'write' } },
  'actions/attest': { needs: { 'id-token': 'write', attestations: 'write' } },
  'actions/labeler': { needs: { contents: 'read', 'pull-requests': 'write' } },
  'actions/stale': { needs: { issues: 'write', 'pull-requests': 'write' } },
  'actions/first-interaction': { needs: { issues: 'write', 'pull-requests': 'write' } },
  'actions/dependency-review-action': {
    needs: (w) => (isTrue(w.value('comment-summary-in-pr')) || w.value('comment-summary-in-pr') === 'always' ? { contents: 'read', 'pull-requests': 'write' } : READ_CONTENTS),
  },
  'actions/create-release': { needs: WRITE_CONTENTS },
  'actions/upload-release-asset': { needs: WRITE_CONTENTS },
  'actions/delete-package-versions': { needs: { packages: 'write' } },
  'actions/create-github-app-token': { needs: NONE },
  'github/codeql-action/init': { needs: { actions: 'read', contents: 'read', 'security-events': 'write' } },
  'github/codeql-action/autobuild': { needs: NONE },
  'github/codeql-action/analyze': { needs: { actions: 'read', contents: 'read', 'security-events': 'write' } },
  'github/codeql-action/upload-sarif': { needs: { actions: 'read', 'security-events': 'write' } },
  'github/super-linter': { needs: { contents: 'read', packages: 'read', statuses: 'write' } },
  'super-linter/super-linter': { needs: { contents: 'read', packages: 'read', statuses: 'write' } },
  'peter-evans/create-pull-request': { needs: { contents: 'write', 'pull-requests': 'write' } },
  'peter-evans/create-or-update-comment': { needs: { issues: 'write', 'pull-requests': 'write' } },
  'peter-evans/find-comment': { needs: { issues: 'read', 'pull-requests': 'read' } },
  'softprops/action-gh-release': { needs: WRITE_CONTENTS },
  'ncipollo/release-action': { needs: WRITE_CONTENTS },
  'svenstaro/upload-release-action': { needs: WRITE_CONTENTS, tokenInputs: ['repo_token'] },
  'marvinpinto/action-automatic-releases': { needs: WRITE_CONTENTS },
  'release-drafter/release-drafter': { needs: { contents: 'write', 'pull-requests': 'write' } },
  'googleapis/release-please-action': { needs: { contents: 'write', issues: 'write', 'pull-requests': 'write' } },
  'google-github-actions/release-please-action': { needs: { contents: 'write', issues: 'write', 'pull-requests': 'write' } },
  'stefanzweifel/git-auto-commit-action': { needs: WRITE_CONTENTS },
  'endbug/add-and-commit': { needs: WRITE_CONTENTS },
  'jamesives/github-pages-deploy-action': { needs: (w) => (w.has('ssh-key') ? NONE : WRITE_CONTENTS) },
  'peaceiris/actions-gh-pages': {
    needs: (w) => (w.has('deploy_key') || w.has('personal_token') ? NONE : WRITE_CONTENTS),
  },
  'thollander/actions-comment-pull-request': { needs: { 'pull-requests': 'write' } },
  'marocchino/sticky-pull-request-comment': { needs: { 'pull-requests': 'write' } },
  'mshick/add-pr-comment': { needs: { 'pull-requests': 'write' } },
  'amannn/action-semantic-pull-request': { needs: { 'pull-requests': 'read' } },
  'dependabot/fetch-metadata': { needs: { 'pull-requests': 'read' } },
  'dorny/paths-filter': { needs: { contents: 'read', 'pull-requests': 'read' } },
  'tj-actions/changed-files': { needs: { contents: 'read', 'pull-requests': 'read' } },
  'dorny/test-reporter': { needs: { checks: 'write' } },
  'mikepenz/action-junit-report': { needs: { checks: 'write' } },
  'enricomi/publish-unit-test-result-action': { needs: { checks: 'write', 'pull-requests': 'write' } },
  'golangci/golangci-lint-action': { needs: { contents: 'read', 'pull-requests': 'read' } },
  'docker/login-action': { needs: dockerLogin },
  'docker/setup-buildx-action': { needs: NONE },
  'docker/setup-qemu-action': { needs: NONE },
  'docker/metadata-action': { needs: NONE },
  'docker/build-push-action': { needs: NONE },
  'docker/bake-action': { needs: NONE },
  'aws-actions/configure-aws-credentials': { needs: (w) => (w.has('role-to-assume') && !w.has('aws-access-key-id') && !w.has('web-identity-token-file') ? OIDC : NONE) },
  'aws-actions/amazon-ecr-login': { needs: NONE },
  'aws-actions/amazon-ecs-render-task-definition': { needs: NONE },
  'aws-actions/amazon-ecs-deploy-task-definition': { needs: NONE },
  'google-github-actions/auth': { needs: (w) => (w.has('workload_identity_provider') && !w.has('credentials_json') ? OIDC : NONE) },
  'google-github-actions/setup-gcloud': { needs: NONE },
  'google-github-actions/deploy-cloudrun': { needs: NONE },
  'google-github-actions/get-gke-credentials': { needs: NONE },
  'azure/login': { needs: (w) => (w.has('creds') || w.has('auth-type') ? NONE : OIDC) },
  'azure/webapps-deploy': { needs: NONE },
  'azure/k8s-deploy': { needs: NONE },
  'pypa/gh-action-pypi-publish': { needs: (w) => (w.has('password') ? NONE : OIDC) },
  'sigstore/gh-action-sigstore-python': { needs: OIDC },
  'sigstore/cosign-installer': { needs: NONE },
  'hashicorp/vault-action': { needs: (w) => ((w.value('method') ?? '').toLowerCase() === 'jwt' ? OIDC : NONE) },
  'codecov/codecov-action': { needs: (w) => (isTrue(w.value('use_oidc')) ? OIDC : NONE) },
  'rust-lang/crates-io-auth-action': { needs: OIDC },
  'ossf/scorecard-action': { needs: (w) => (isTrue(w.value('publish_results')) ? SCORECARD_PUBLISH : SCORECARD_LOCAL) },
  'step-security/harden-runner': { needs: NONE },
  'swatinem/rust-cache': { needs: NONE },
  'dtolnay/rust-toolchain': { needs: NONE },
  'actions-rs/toolchain': { needs: NONE },
  'actions-rs/cargo': { needs: NONE },
  'mozilla-actions/sccache-action': { needs: NONE },
  'taiki-e/install-action': { needs: NONE },
  'pre-commit/action': { needs: NONE },
  'snok/install-poetry': { needs: NONE },
  'abatilo/actions-poetry': { needs: NONE },
  'gradle/gradle-build-action': { needs: NONE },
  'gradle/actions/wrapper-validation': { needs: NONE },
  'gradle/wrapper-validation-action': { needs: NONE },
  'crate-ci/typos': { needs: NONE },
  'codespell-project/actions-codespell': { needs: NONE },
  'ludeeus/action-shellcheck': { needs: NONE },
  'hadolint/hadolint-action': { needs: NONE },
  'aquasecurity/trivy-action': { needs: NONE },
  'coverallsapp/github-action': { needs: NONE },
  'ilammy/msvc-dev-cmd': { needs: NONE },
  'jdx/mise-action': { needs: NONE },
  'cachix/install-nix-action': { needs: NONE },
  'pnpm/action-setup': { needs: NONE },
});

/** `owner/setup-*` actions install a tool; they need nothing from the token. */
const SETUP_ACTION = /^[\w.-]+\/setup-[\w.-]+$/;

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === 'True' || value === 'TRUE';
}

/** Pushing to ghcr.io with the GITHUB_TOKEN needs `packages: write`; other registries need nothing. */
function dockerLogin(w: Inputs): Grants {
  const registry = (w.value('registry') ?? '').toLowerCase();
  if (!registry.startsWith('ghcr.io') && !registry.startsWith('docker.pkg.github.com')) return NONE;
  return usesGithubToken(w.value('password')) ? { packages: 'write' } : NONE;
}

/** True when an expression or value hands over the workflow's own GITHUB_TOKEN. */
export function usesGithubToken(value: string | undefined): boolean {
  return value !== undefined && /\bgithub\.token\b|\bsecrets\.github_token\b|\$\{?GITHUB_TOKEN\b/i.test(value);
}

export type ActionVerdict = { known: true; grants: Grants } | { known: false };

/** What a `uses:` step needs, from its reference and inputs. */
export function actionNeeds(uses: string, withNode: Node | null | undefined): ActionVerdict {
  const inputs = inputsOf(withNode);
  // `docker://image` runs a container that only sees a token when one is passed in.
  if (uses.startsWith('docker://')) return passesGithubToken(inputs) ? { known: false } : { known: true, grants: NONE };
  const name = actionName(uses);
  if (!name) return { known: false };
  const entry = ACTIONS[name] ?? (SETUP_ACTION.test(name) ? { needs: NONE } : undefined);
  if (!entry) return { known: false };
  const grants = typeof entry.needs === 'function' ? entry.needs(inputs) : entry.needs;
  // A token other than the GITHUB_TOKEN (a PAT, an app token): only the OIDC grant still matters.
  const tokenInput = (entry.tokenInputs ?? TOKEN_INPUTS).find((i) => inputs.has(i));
  if (tokenInput && !usesGithubToken(inputs.value(tokenInput))) {
    return { known: true, grants: grants['id-token'] ? { 'id-token': grants['id-token'] } : NONE };
  }
  return { known: true, grants };
}

/** `owner/repo[/path]` in lowercase without the ref; undefined for local actions and odd values. */
export function actionName(uses: string): string | undefined {
  if (uses.startsWith('./') || uses.startsWith('.\\')) return undefined;
  const at = uses.indexOf('@');
  const name = (at < 0 ? uses : uses.slice(0, at)).trim().toLowerCase();
  if (!/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?$/.test(name)) return undefined;
  let end = name.length;
  while (end > 0 && name[end - 1] === '/') end--; // a loop: /\/+$/ is quadratic on long runs
  return name.slice(0, end);
}

function passesGithubToken(inputs: Inputs & { all: string[] }): boolean {
  return inputs.all.some((v) => usesGithubToken(v));
}

function inputsOf(withNode: Node | null | undefined): Inputs & { all: string[] } {
  const map: MapNode | undefined = isMap(withNode) ? withNode : undefined;
  const lower = new Map<string, string>();
  for (const p of map?.pairs ?? []) lower.set(p.key.value.toLowerCase(), str(p.value) ?? '');
  return {
    has: (name) => lower.has(name.toLowerCase()),
    value: (name) => lower.get(name.toLowerCase()),
    all: [...lower.values()],
  };
}

// ---------------------------------------------------------------------------------------------
// gh CLI

/** `gh <group> <verb>` → grants; a group entry `*` covers every verb not listed. */
const GH = table<Record<string, Grants>>({
  pr: {
    create: { contents: 'read', 'pull-requests': 'write' },
    merge: { contents: 'write', 'pull-requests': 'write' },
    comment: { 'pull-requests': 'write' },
    edit: { 'pull-requests': 'write' },
    review: { 'pull-requests': 'write' },
    close: { 'pull-requests': 'write' },
    reopen: { 'pull-requests': 'write' },
    ready: { 'pull-requests': 'write' },
    lock: { 'pull-requests': 'write' },
    unlock: { 'pull-requests': 'write' },
    checkout: { contents: 'read', 'pull-requests': 'read' },
    view: { 'pull-requests': 'read' },
    list: { 'pull-requests': 'read' },
    diff: { 'pull-requests': 'read' },
    checks: { 'pull-requests': 'read', checks: 'read' },
    status: { 'pull-requests': 'read' },
  },
  release: {
    create: WRITE_CONTENTS,
    upload: WRITE_CONTENTS,
    edit: WRITE_CONTENTS,
    delete: WRITE_CONTENTS,
    'delete-asset': WRITE_CONTENTS,
    view: READ_CONTENTS,
    list: READ_CONTENTS,
    download: READ_CONTENTS,
  },
  issue: {
    view: { issues: 'read' },
    list: { issues: 'read' },
    status: { issues: 'read' },
    '*': { issues: 'write' },
  },
  label: { list: { issues: 'read' }, '*': { issues: 'write' } },
  run: {
    list: { actions: 'read' },
    view: { actions: 'read' },
    watch: { actions: 'read' },
    download: { actions: 'read' },
    rerun: { actions: 'write' },
    cancel: { actions: 'write' },
    delete: { actions: 'write' },
  },
  workflow: { list: { actions: 'read' }, view: { actions: 'read' }, '*': { actions: 'write' } },
  cache: { list: { actions: 'read' }, delete: { actions: 'write' } },
  repo: { view: READ_CONTENTS, clone: READ_CONTENTS },
  auth: { '*': NONE },
  attestation: { verify: NONE },
});

/** What a `gh ...` argv needs; undefined when unknown (`gh api`, `gh secret`, extensions). */
export function ghNeeds(argv: readonly string[]): Grants | undefined {
  // Skip global flags such as `-R owner/repo`.
  const words: string[] = [];
  for (let i = 1; i < argv.length && words.length < 2; i++) {
    const w = argv[i];
    if (w === '-R' || w === '--repo') i++;
    else if (!w.startsWith('-')) words.push(w);
  }
  const group = GH[words[0] ?? ''];
  if (!group) return undefined;
  return group[words[1] ?? ''] ?? group['*'];
}

/** The workflow-level and job-level `env:` values a step inherits, joined for token checks. */
export function envText(...maps: (Node | null | undefined)[]): string {
  const out: string[] = [];
  for (const m of maps) {
    const env = get(m, 'env');
    if (isMap(env)) for (const p of env.pairs) out.push(str(p.value) ?? '');
    else if (env) out.push(str(env) ?? '');
  }
  return out.join('\n');
}
