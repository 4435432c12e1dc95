// The provider token catalog: one entry per documented, recognisable token format.
//
// Every pattern here was written for this project from what the provider documents (or
// publicly states) about its token's prefix, alphabet and length. Rules of the house:
//   - patterns are linear-time: fixed or bounded quantifiers, no nested quantifiers, no
//     overlapping alternation under a repeat; the engine adds the `g` flag and checks that a
//     match is not glued to surrounding word characters, so no lookarounds are needed. The few
//     formats with no literal prefix start with `\b` (which the engine's own check implies
//     anyway) so that a long alphanumeric run is not re-scanned from every position;
//   - `keywords` are lowercase literals that every match contains (usually the prefix);
//   - `minEntropy` only where the prefix alone is weak (short, common, or absent);
//   - private keys, DSNs, URLs with inline passwords, AWS secret keys and SAS signatures are
//     handled by other rules, not here.
// Each entry names the page it was written from in a comment ("Documented at"): provenance for
// maintainers, not shipped to users (as data it was 15 KB of every bundle that nothing read).
// test/unit/catalog.test.ts checks every entry against test/fixtures/catalog/tokens.json.
import type { TokenFormat } from './format';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Decodes base64url (or base64) without relying on Buffer/atob, so it runs in any host. */
function decodeBase64Url(input: string): string | undefined {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let end = input.length;
  while (end > 0 && input[end - 1] === '=') end--; // a loop, not /=+$/ (quadratic on '===…x')
  const clean = input.slice(0, end).replace(/-/g, '+').replace(/_/g, '/');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) return undefined;
    value = (value << 6) | idx;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** A JWT's header must decode to a JSON object naming its signing algorithm. */
function hasJwtHeader(token: string): boolean {
  const dot = token.indexOf('.');
  if (dot <= 0) return false;
  const header = decodeBase64Url(token.slice(0, dot));
  if (header === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { alg?: unknown }).alg === 'string'
    );
  } catch {
    return false;
  }
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** OpenAI keys carry "T3BlbkFJ" (base64 of "OpenAI") in the middle; its absence lowers confidence. */
function hasOpenAiMarker(token: string): boolean {
  return token.includes('T3BlbkFJ');
}

// ---------------------------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------------------------

export const TOKEN_FORMATS: TokenFormat[] = [
  // ----- GitHub: prefix + 36 base62 characters (30 random + 6 checksum) ------------------------
  {
    id: 'github-pat-classic',
    provider: 'GitHub',
    name: 'personal access token (classic)',
    pattern: /ghp_[A-Za-z0-9]{36}/,
    keywords: ['ghp_'],
    // Documented at https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
  },
  {
    id: 'github-pat-fine-grained',
    provider: 'GitHub',
    name: 'fine-grained personal access token',
    pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/,
    keywords: ['github_pat_'],
    // Documented at https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens
  },
  {
    id: 'github-oauth-token',
    provider: 'GitHub',
    name: 'OAuth access token',
    pattern: /gho_[A-Za-z0-9]{36}/,
    keywords: ['gho_'],
    // Documented at https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available/
  },
  {
    id: 'github-user-to-server-token',
    provider: 'GitHub',
    name: 'GitHub App user-to-server token',
    pattern: /ghu_[A-Za-z0-9]{36}/,
    keywords: ['ghu_'],
    // Documented at https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available/
  },
  {
    id: 'github-installation-token',
    provider: 'GitHub',
    name: 'GitHub App server-to-server (installation) token',
    // Classic: 36+ base62 (GitHub reserves the right to grow tokens up to 255 characters).
    // Stateless (staged rollout from April 2026): "ghs_<app id>_<JWT>", ~520 characters; the JWT
    // is GitHub-internal, so only its three base64url segments are assumed.
    pattern:
      /ghs_(?:[A-Za-z0-9]{36,251}|[0-9]{1,20}_eyJ[A-Za-z0-9_-]{8,1000}\.[A-Za-z0-9_-]{8,3000}\.[A-Za-z0-9_-]{16,1000})/,
    keywords: ['ghs_'],
    // Documented at https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app
  },
  {
    id: 'github-refresh-token',
    provider: 'GitHub',
    name: 'GitHub App refresh token',
    pattern: /ghr_[A-Za-z0-9]{36,251}/,
    keywords: ['ghr_'],
    // Documented at https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available/
  },

  // ----- GitLab: documented prefixes; body is 20 url-safe chars (legacy) or a routable payload
  // followed by ".<version>.<length+crc>" / ".<length+crc>" -------------------------------------
  {
    id: 'gitlab-pat',
    provider: 'GitLab',
    name: 'personal, project, group or impersonation access token',
    pattern: /glpat-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glpat-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-oauth-app-secret',
    provider: 'GitLab',
    name: 'OAuth application secret',
    pattern: /gloas-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['gloas-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-deploy-token',
    provider: 'GitLab',
    name: 'deploy token',
    pattern: /gldt-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['gldt-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-runner-token',
    provider: 'GitLab',
    name: 'runner authentication token',
    pattern: /glrt-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glrt-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-runner-registration-token',
    provider: 'GitLab',
    name: 'runner registration token (deprecated)',
    pattern: /GR1348941[A-Za-z0-9_-]{20}/,
    keywords: ['gr1348941'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#runner-registration-tokens-deprecated
  },
  {
    id: 'gitlab-ci-job-token',
    provider: 'GitLab',
    name: 'CI/CD job token',
    pattern: /glcbt-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glcbt-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    provider: 'GitLab',
    name: 'pipeline trigger token',
    pattern: /glptt-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glptt-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-feed-token',
    provider: 'GitLab',
    name: 'feed token',
    pattern: /glft-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glft-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-incoming-mail-token',
    provider: 'GitLab',
    name: 'incoming mail token',
    pattern: /glimt-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glimt-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-agent-token',
    provider: 'GitLab',
    name: 'GitLab agent for Kubernetes token',
    pattern: /glagent-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glagent-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-scim-token',
    provider: 'GitLab',
    name: 'SCIM token',
    pattern: /glsoat-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glsoat-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },
  {
    id: 'gitlab-feature-flags-client-token',
    provider: 'GitLab',
    name: 'feature flags client token',
    pattern: /glffct-[A-Za-z0-9_-]{20,300}(?:\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})?/,
    keywords: ['glffct-'],
    // Documented at https://docs.gitlab.com/ee/security/tokens/#token-prefixes
  },

  // ----- Atlassian / Bitbucket (prefixes confirmed by Atlassian staff) --------------------------
  {
    id: 'atlassian-api-token',
    provider: 'Atlassian',
    name: 'API token (Jira, Confluence, Bitbucket)',
    pattern: /ATATT[A-Za-z0-9_=-]{150,250}/,
    keywords: ['atatt'],
    // Documented at https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
  },
  {
    id: 'bitbucket-access-token',
    provider: 'Bitbucket',
    name: 'repository, project or workspace access token',
    pattern: /ATCTT[A-Za-z0-9_=-]{150,250}/,
    keywords: ['atctt'],
    // Documented at https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/
  },
  {
    id: 'bitbucket-app-password',
    provider: 'Bitbucket',
    name: 'app password',
    pattern: /ATBB[A-Za-z0-9]{28,44}/,
    keywords: ['atbb'],
    minEntropy: 3.5,
    // Documented at https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/
  },

  // ----- AWS: access key ids are 4-letter type prefix + 16 uppercase base32; ids, not secrets ---
  {
    id: 'aws-access-key-id',
    provider: 'AWS',
    name: 'access key id (long-term)',
    pattern: /AKIA[A-Z0-9]{16}/,
    keywords: ['akia'],
    severity: 'warning',
    // Documented at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  },
  {
    id: 'aws-temporary-access-key-id',
    provider: 'AWS',
    name: 'temporary (STS) access key id',
    pattern: /ASIA[A-Z0-9]{16}/,
    keywords: ['asia'],
    severity: 'warning',
    // Documented at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  },
  {
    id: 'aws-sts-bearer-token-id',
    provider: 'AWS',
    name: 'STS service bearer token id',
    pattern: /ABIA[A-Z0-9]{16}/,
    keywords: ['abia'],
    severity: 'warning',
    // Documented at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  },
  {
    id: 'aws-context-credential-id',
    provider: 'AWS',
    name: 'context-specific credential id',
    pattern: /ACCA[A-Z0-9]{16}/,
    keywords: ['acca'],
    severity: 'warning',
    // Documented at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  },
  {
    id: 'aws-certificate-id',
    provider: 'AWS',
    name: 'IAM certificate id',
    // "ASCA" is AWS's unique-id prefix for certificates (ServerCertificateId, CertificateId). It
    // identifies a certificate and grants nothing on its own, so it is reported as info, like a
    // publishable key: it marks AWS identity material committed to the file, not a credential.
    pattern: /ASCA[A-Z0-9]{16}/,
    keywords: ['asca'],
    minEntropy: 3,
    publishable: true,
    // Documented at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
  },
  {
    id: 'aws-bedrock-api-key',
    provider: 'AWS',
    name: 'Amazon Bedrock long-term API key',
    // "ABSK" + base64("BedrockAPIKey-<id>:<secret>").
    pattern: /ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,300}={0,2}/,
    keywords: ['abskqmvkcm9ja0fqsutles'],
    // Documented at https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html
  },
  {
    id: 'aws-bedrock-short-term-api-key',
    provider: 'AWS',
    name: 'Amazon Bedrock short-term API key',
    // "bedrock-api-key-" + base64 of a presigned bedrock.amazonaws.com URL.
    pattern: /bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,4000}={0,2}/,
    keywords: ['bedrock-api-key-'],
    // Documented at https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html
  },
  {
    id: 'amazon-mws-auth-token',
    provider: 'Amazon',
    name: 'Marketplace Web Service auth token',
    pattern: /amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['amzn.mws.'],
  },
  {
    id: 'amazon-lwa-client-secret',
    provider: 'Amazon',
    name: 'Login with Amazon client secret',
    pattern: /amzn1\.oa2-cs\.v1\.[0-9a-f]{64}/,
    keywords: ['amzn1.oa2-cs.v1.'],
  },

  // ----- Microsoft Azure -----------------------------------------------------------------------
  {
    id: 'azure-storage-account-key',
    provider: 'Azure',
    name: 'storage account key (in a connection string)',
    // 64-byte key, base64: 86 characters + "==".
    pattern: /AccountKey=[A-Za-z0-9+/]{86}==/,
    keywords: ['accountkey='],
    // Documented at https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string
  },
  {
    id: 'azure-ad-client-secret',
    provider: 'Azure',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    // Current secrets: 3 chars, a digit, the "Q~" marker, then 31-34 chars.
    pattern: /[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}/,
    keywords: ['q~'],
    minEntropy: 3.5,
    // Documented at https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials
  },
  {
    id: 'azure-devops-pat',
    provider: 'Azure DevOps',
    name: 'personal access token (84-character format)',
    // 84 characters with the fixed "AZDO" signature at positions 76-80. The leading \b keeps
    // the scan linear: without a literal prefix, every position inside a long alphanumeric run
    // would otherwise start a 76-character attempt.
    pattern: /\b[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}/,
    keywords: ['azdo'],
    // Documented at https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate#changes-to-format
  },
  {
    id: 'azure-function-key',
    provider: 'Azure',
    name: 'Azure Functions access key',
    // 56 characters: 44, the "AzFu" signature, 6, then "==".
    pattern: /(?:\b[A-Za-z0-9_]|-)[A-Za-z0-9_-]{43}AzFu[A-Za-z0-9_-]{6}==/,
    keywords: ['azfu'],
    // Documented at https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to
  },

  // ----- Google / Firebase ---------------------------------------------------------------------
  {
    id: 'google-api-key',
    provider: 'Google',
    name: 'API key (Cloud, Maps, Gemini, Firebase)',
    pattern: /AIza[0-9A-Za-z_-]{35}/,
    keywords: ['aiza'],
    severity: 'warning',
    // Documented at https://cloud.google.com/docs/authentication/api-keys
  },
  {
    id: 'google-oauth-client-secret',
    provider: 'Google',
    name: 'OAuth client secret',
    pattern: /GOCSPX-[0-9A-Za-z_-]{28}/,
    keywords: ['gocspx-'],
    // Documented at https://developers.google.com/identity/protocols/oauth2
  },
  {
    id: 'google-oauth-client-id',
    provider: 'Google',
    name: 'OAuth client id',
    // "<project number>-<32 lowercase alphanumerics>.apps.googleusercontent.com". Google treats the
    // client id as public (it is embedded in installed and browser apps), so it is reported as
    // info: it names an OAuth client whose secret (GOCSPX-..., reported on its own) often sits
    // next to it. \b: no literal prefix, and a long digit run must not be re-scanned.
    pattern: /\b[0-9]{6,20}-[a-z0-9]{32}\.apps\.googleusercontent\.com/,
    keywords: ['.apps.googleusercontent.com'],
    publishable: true,
    // Documented at https://developers.google.com/identity/protocols/oauth2
  },
  {
    id: 'google-oauth-access-token',
    provider: 'Google',
    name: 'OAuth 2.0 access token',
    pattern: /ya29\.[0-9A-Za-z_-]{30,2048}/,
    keywords: ['ya29.'],
    // Documented at https://developers.google.com/identity/protocols/oauth2
  },
  {
    id: 'google-oauth-refresh-token',
    provider: 'Google',
    name: 'OAuth 2.0 refresh token',
    pattern: /1\/\/0[0-9A-Za-z_-]{40,400}/,
    keywords: ['1//0'],
    minEntropy: 4,
    // Documented at https://developers.google.com/identity/protocols/oauth2
  },
  {
    id: 'firebase-cloud-messaging-server-key',
    provider: 'Firebase',
    name: 'Cloud Messaging legacy server key',
    pattern: /AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,150}/,
    keywords: [':apa91b'],
    // Documented at https://firebase.google.com/docs/cloud-messaging/auth-server
  },
  {
    id: 'google-chat-webhook',
    provider: 'Google',
    name: 'Google Chat incoming webhook URL',
    pattern:
      /https:\/\/chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]{8,20}\/messages\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{40,100}/,
    keywords: ['chat.googleapis.com/v1/spaces/'],
    // Documented at https://developers.google.com/workspace/chat/quickstart/webhooks
  },

  // ----- Slack (https://api.slack.com/concepts/token-types) ------------------------------------
  {
    id: 'slack-bot-token',
    provider: 'Slack',
    name: 'bot token',
    pattern: /xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}/,
    keywords: ['xoxb-'],
    // Documented at https://api.slack.com/concepts/token-types
  },
  {
    id: 'slack-user-token',
    provider: 'Slack',
    name: 'user token',
    pattern: /xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}/,
    keywords: ['xoxp-'],
    // Documented at https://api.slack.com/concepts/token-types
  },
  {
    id: 'slack-workspace-token',
    provider: 'Slack',
    name: 'workspace app token (legacy)',
    // Legacy (retired) workspace tokens: Slack never documented their length; "xoxa-<digits>-<digits>"
    // forms of 25 characters after the prefix are in circulation, so 20 is the floor.
    pattern: /xoxa-[0-9A-Za-z-]{20,200}/,
    keywords: ['xoxa-'],
    // Documented at https://api.slack.com/concepts/token-types
  },
  {
    id: 'slack-legacy-refresh-token',
    provider: 'Slack',
    name: 'workspace app refresh token (legacy)',
    pattern: /xoxr-[0-9A-Za-z-]{20,200}/,
    keywords: ['xoxr-'],
    // Documented at https://api.slack.com/concepts/token-types
  },
  {
    id: 'slack-refresh-token',
    provider: 'Slack',
    name: 'rotating or configuration refresh token',
    pattern: /xoxe-1-[A-Za-z0-9-]{60,300}/,
    keywords: ['xoxe-1-'],
    // Documented at https://api.slack.com/authentication/rotation
  },
  {
    id: 'slack-rotating-access-token',
    provider: 'Slack',
    name: 'rotating access or app configuration token',
    pattern: /xoxe\.xox[bp]-1-[A-Za-z0-9-]{60,300}/,
    keywords: ['xoxe.xox'],
    // Documented at https://api.slack.com/authentication/config-tokens
  },
  {
    id: 'slack-app-token',
    provider: 'Slack',
    name: 'app-level token',
    // Slack does not document the length of the hex secret (64 in every token seen); the
    // xapp-1-<app id>-<digits>-<hex> structure is distinctive, so the length is left some room.
    pattern: /xapp-1-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{48,80}/,
    keywords: ['xapp-1-'],
    // Documented at https://api.slack.com/concepts/token-types
  },
  {
    id: 'slack-webhook',
    provider: 'Slack',
    name: 'incoming webhook URL',
    // Team and webhook ids are "T"/"B" + 8 to 10 uppercase base36 in practice; the host and path
    // already make the URL unambiguous, so the id lengths are not used to tell it apart.
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{24}/,
    keywords: ['hooks.slack.com/services/'],
    // Documented at https://api.slack.com/messaging/webhooks
  },
  {
    id: 'slack-workflow-webhook',
    provider: 'Slack',
    name: 'workflow (trigger) webhook URL',
    pattern:
      /https:\/\/hooks\.slack\.com\/(?:triggers|workflows)\/T[A-Z0-9]{8,12}\/(?:A[A-Z0-9]{8,12}\/)?[0-9]{10,20}\/[a-f0-9]{32}/,
    keywords: ['hooks.slack.com/'],
    // Documented at https://slack.com/help/articles/360041352714
  },

  // ----- Stripe (https://docs.stripe.com/keys; keys may be up to 255 characters) --------------
  {
    id: 'stripe-secret-key',
    provider: 'Stripe',
    name: 'live secret key',
    pattern: /sk_live_[0-9A-Za-z]{24,247}/,
    keywords: ['sk_live_'],
    // Documented at https://docs.stripe.com/keys
  },
  {
    id: 'stripe-test-secret-key',
    provider: 'Stripe',
    name: 'test-mode secret key',
    pattern: /sk_test_[0-9A-Za-z]{24,247}/,
    keywords: ['sk_test_'],
    severity: 'warning',
    // Documented at https://docs.stripe.com/keys
  },
  {
    id: 'stripe-restricted-key',
    provider: 'Stripe',
    name: 'live restricted key',
    pattern: /rk_live_[0-9A-Za-z]{24,247}/,
    keywords: ['rk_live_'],
    // Documented at https://docs.stripe.com/keys#limit-access
  },
  {
    id: 'stripe-test-restricted-key',
    provider: 'Stripe',
    name: 'test-mode restricted key',
    pattern: /rk_test_[0-9A-Za-z]{24,247}/,
    keywords: ['rk_test_'],
    severity: 'warning',
    // Documented at https://docs.stripe.com/keys#limit-access
  },
  {
    id: 'stripe-publishable-key',
    provider: 'Stripe',
    name: 'live publishable key',
    pattern: /pk_live_[0-9A-Za-z]{24,247}/,
    keywords: ['pk_live_'],
    publishable: true,
    // Documented at https://docs.stripe.com/keys
  },
  {
    id: 'stripe-test-publishable-key',
    provider: 'Stripe',
    name: 'test-mode publishable key',
    pattern: /pk_test_[0-9A-Za-z]{24,247}/,
    keywords: ['pk_test_'],
    publishable: true,
    // Documented at https://docs.stripe.com/keys
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    name: 'webhook signing secret',
    pattern: /whsec_[A-Za-z0-9+/]{32,88}={0,2}/,
    keywords: ['whsec_'],
    // Documented at https://docs.stripe.com/webhooks#verify-events
  },

  // ----- Email and messaging APIs --------------------------------------------------------------
  {
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    name: 'API key',
    pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/,
    keywords: ['sg.'],
    // Documented at https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
  },
  {
    id: 'twilio-api-key-sid',
    provider: 'Twilio',
    name: 'API key SID',
    // An identifier (the matching secret has no prefix), hence a warning.
    pattern: /SK[0-9a-f]{32}/,
    keywords: ['sk'],
    minEntropy: 3.2,
    severity: 'warning',
    // Documented at https://www.twilio.com/docs/iam/api-keys
  },
  {
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    name: 'API key (legacy "key-" format)',
    pattern: /key-[0-9a-f]{32}/,
    keywords: ['key-'],
    minEntropy: 3.3,
    // Documented at https://documentation.mailgun.com/docs/mailgun/api-reference/authentication
  },
  {
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    name: 'Marketing API key',
    // 32 hex characters, a dash and the data-centre suffix ("-us6").
    pattern: /\b[0-9a-f]{32}-us[0-9]{1,2}/,
    keywords: ['-us'],
    minEntropy: 3.3,
    // Documented at https://mailchimp.com/developer/marketing/guides/quick-start/
  },
  {
    id: 'brevo-api-key',
    provider: 'Brevo',
    name: 'API v3 key',
    pattern: /xkeysib-[0-9a-f]{64}-[0-9A-Za-z]{16}/,
    keywords: ['xkeysib-'],
    // Documented at https://developers.brevo.com/docs/getting-started
  },
  {
    id: 'brevo-smtp-key',
    provider: 'Brevo',
    name: 'SMTP key',
    pattern: /xsmtpsib-[0-9a-f]{64}-[0-9A-Za-z]{16}/,
    keywords: ['xsmtpsib-'],
    // Documented at https://developers.brevo.com/docs/getting-started
  },
  {
    id: 'mailersend-api-token',
    provider: 'MailerSend',
    name: 'API token',
    pattern: /mlsn\.[0-9a-f]{64}/,
    keywords: ['mlsn.'],
    // Documented at https://developers.mailersend.com/general.html#authentication
  },
  {
    id: 'resend-api-key',
    provider: 'Resend',
    name: 'API key',
    pattern: /re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}/,
    keywords: ['re_'],
    minEntropy: 3.5,
    // Documented at https://resend.com/docs/dashboard/api-keys/introduction
  },
  {
    id: 'klaviyo-private-key',
    provider: 'Klaviyo',
    name: 'private API key',
    pattern: /pk_[0-9a-f]{34}/,
    keywords: ['pk_'],
    minEntropy: 3.3,
    // Documented at https://developers.klaviyo.com/en/docs/authenticate_
  },

  // ----- AI and model providers ----------------------------------------------------------------
  {
    id: 'openai-project-key',
    provider: 'OpenAI',
    name: 'project API key',
    pattern: /sk-proj-[A-Za-z0-9_-]{40,200}/,
    keywords: ['sk-proj-'],
    validate: hasOpenAiMarker,
    // Documented at https://platform.openai.com/docs/api-reference/authentication
  },
  {
    id: 'openai-service-account-key',
    provider: 'OpenAI',
    name: 'service account API key',
    pattern: /sk-svcacct-[A-Za-z0-9_-]{40,200}/,
    keywords: ['sk-svcacct-'],
    validate: hasOpenAiMarker,
    // Documented at https://platform.openai.com/docs/api-reference/authentication
  },
  {
    id: 'openai-admin-key',
    provider: 'OpenAI',
    name: 'admin API key',
    pattern: /sk-admin-[A-Za-z0-9_-]{40,200}/,
    keywords: ['sk-admin-'],
    validate: hasOpenAiMarker,
    // Documented at https://platform.openai.com/docs/api-reference/administration
  },
  {
    id: 'openai-legacy-key',
    provider: 'OpenAI',
    name: 'user API key (legacy format)',
    // The "T3BlbkFJ" marker (base64 of "OpenAI") sits between two 20-character halves.
    pattern: /sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}/,
    keywords: ['t3blbkfj'],
    // Documented at https://platform.openai.com/docs/api-reference/authentication
  },
  {
    id: 'anthropic-api-key',
    provider: 'Anthropic',
    name: 'API key',
    pattern: /sk-ant-api03-[A-Za-z0-9_-]{80,120}/,
    keywords: ['sk-ant-api03-'],
    // Documented at https://docs.anthropic.com/en/api/getting-started
  },
  {
    id: 'anthropic-admin-key',
    provider: 'Anthropic',
    name: 'Admin API key',
    pattern: /sk-ant-admin01-[A-Za-z0-9_-]{80,120}/,
    keywords: ['sk-ant-admin01-'],
    // Documented at https://docs.anthropic.com/en/api/administration-api
  },
  {
    id: 'huggingface-access-token',
    provider: 'Hugging Face',
    name: 'user access token',
    pattern: /hf_[A-Za-z0-9]{34}/,
    keywords: ['hf_'],
    // Documented at https://huggingface.co/docs/hub/security-tokens
  },
  {
    id: 'groq-api-key',
    provider: 'Groq',
    name: 'API key',
    pattern: /gsk_[A-Za-z0-9]{52}/,
    keywords: ['gsk_'],
    // Documented at https://console.groq.com/docs/quickstart
  },
  {
    id: 'replicate-api-token',
    provider: 'Replicate',
    name: 'API token',
    pattern: /r8_[A-Za-z0-9]{37}/,
    keywords: ['r8_'],
    // Documented at https://replicate.com/docs/topics/security/api-tokens
  },
  {
    id: 'perplexity-api-key',
    provider: 'Perplexity',
    name: 'API key',
    pattern: /pplx-[A-Za-z0-9]{40,64}/,
    keywords: ['pplx-'],
    // Documented at https://docs.perplexity.ai/guides/getting-started
  },
  {
    id: 'xai-api-key',
    provider: 'xAI',
    name: 'API key',
    pattern: /xai-[A-Za-z0-9]{80}/,
    keywords: ['xai-'],
    // Documented at https://docs.x.ai/docs/overview
  },
  {
    id: 'langsmith-personal-token',
    provider: 'LangSmith',
    name: 'personal access token',
    pattern: /lsv2_pt_[0-9a-f]{32}_[0-9a-f]{10}/,
    keywords: ['lsv2_pt_'],
    // Documented at https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key
  },
  {
    id: 'langsmith-service-key',
    provider: 'LangSmith',
    name: 'service key',
    pattern: /lsv2_sk_[0-9a-f]{32}_[0-9a-f]{10}/,
    keywords: ['lsv2_sk_'],
    // Documented at https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key
  },
  {
    id: 'pinecone-api-key',
    provider: 'Pinecone',
    name: 'API key',
    pattern: /pcsk_[A-Za-z0-9]{4,10}_[A-Za-z0-9]{40,80}/,
    keywords: ['pcsk_'],
    // Documented at https://docs.pinecone.io/guides/projects/manage-api-keys
  },
  {
    id: 'elevenlabs-api-key',
    provider: 'ElevenLabs',
    name: 'API key',
    pattern: /sk_[0-9a-f]{48}/,
    keywords: ['sk_'],
    minEntropy: 3.3,
    // Documented at https://elevenlabs.io/docs/api-reference/authentication
  },
  {
    id: 'deepseek-api-key',
    provider: 'DeepSeek',
    name: 'API key',
    pattern: /sk-[0-9a-f]{32}/,
    keywords: ['sk-'],
    minEntropy: 3.3,
    // Documented at https://api-docs.deepseek.com/
  },
  {
    id: 'openrouter-api-key',
    provider: 'OpenRouter',
    name: 'API key',
    pattern: /sk-or-v1-[0-9a-f]{64}/,
    keywords: ['sk-or-v1-'],
    // Documented at https://openrouter.ai/docs/api-reference/authentication
  },
  {
    id: 'nvidia-api-key',
    provider: 'NVIDIA',
    name: 'NGC / build.nvidia.com API key',
    pattern: /nvapi-[A-Za-z0-9_-]{64}/,
    keywords: ['nvapi-'],
    // Documented at https://docs.api.nvidia.com/nim/docs/api-quickstart
  },
  {
    id: 'tavily-api-key',
    provider: 'Tavily',
    name: 'API key',
    pattern: /tvly-(?:dev-|prod-)?[A-Za-z0-9]{32,48}/,
    keywords: ['tvly-'],
    // Documented at https://docs.tavily.com/documentation/quickstart
  },
  {
    id: 'firecrawl-api-key',
    provider: 'Firecrawl',
    name: 'API key',
    pattern: /fc-[0-9a-f]{32}/,
    keywords: ['fc-'],
    minEntropy: 3.3,
    // Documented at https://docs.firecrawl.dev/introduction
  },
  {
    id: 'langfuse-secret-key',
    provider: 'Langfuse',
    name: 'secret key',
    pattern: /sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['sk-lf-'],
    // Documented at https://langfuse.com/docs/api
  },
  {
    id: 'langfuse-public-key',
    provider: 'Langfuse',
    name: 'public key',
    pattern: /pk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['pk-lf-'],
    publishable: true,
    // Documented at https://langfuse.com/docs/api
  },

  // ----- Package registries and artifact stores ------------------------------------------------
  {
    id: 'npm-access-token',
    provider: 'npm',
    name: 'access token',
    pattern: /npm_[A-Za-z0-9]{36}/,
    keywords: ['npm_'],
    // Documented at https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/
  },
  {
    id: 'pypi-api-token',
    provider: 'PyPI',
    name: 'API token',
    // A macaroon whose serialised location is "pypi.org".
    pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}/,
    keywords: ['pypi-ageichlwas5vcmc'],
    // Documented at https://pypi.org/help/#apitoken
  },
  {
    id: 'testpypi-api-token',
    provider: 'PyPI',
    name: 'TestPyPI API token',
    pattern: /pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}/,
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    severity: 'warning',
    // Documented at https://test.pypi.org/help/#apitoken
  },
  {
    id: 'rubygems-api-key',
    provider: 'RubyGems',
    name: 'API key',
    pattern: /rubygems_[0-9a-f]{48}/,
    keywords: ['rubygems_'],
    // Documented at https://guides.rubygems.org/api-key-scopes/
  },
  {
    id: 'nuget-api-key',
    provider: 'NuGet',
    name: 'nuget.org API key',
    pattern: /oy2[a-z0-9]{43}/,
    keywords: ['oy2'],
    minEntropy: 3.5,
    // Documented at https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys
  },
  {
    id: 'crates-io-token',
    provider: 'crates.io',
    name: 'API token',
    pattern: /cio[A-Za-z0-9]{32}/,
    keywords: ['cio'],
    minEntropy: 3.8,
    // Documented at https://doc.rust-lang.org/cargo/reference/publishing.html
  },
  {
    id: 'clojars-deploy-token',
    provider: 'Clojars',
    name: 'deploy token',
    pattern: /CLOJARS_[a-z0-9]{60}/,
    keywords: ['clojars_'],
    // Documented at https://github.com/clojars/clojars-web/wiki/Deploy-Tokens
  },
  {
    id: 'dockerhub-pat',
    provider: 'Docker Hub',
    name: 'personal access token',
    pattern: /dckr_pat_[A-Za-z0-9_-]{27}/,
    keywords: ['dckr_pat_'],
    // Documented at https://docs.docker.com/security/for-developers/access-tokens/
  },
  {
    id: 'dockerhub-oat',
    provider: 'Docker Hub',
    name: 'organization access token',
    pattern: /dckr_oat_[A-Za-z0-9_-]{27,40}/,
    keywords: ['dckr_oat_'],
    // Documented at https://docs.docker.com/security/for-admins/access-tokens/
  },
  {
    id: 'jfrog-api-key',
    provider: 'JFrog',
    name: 'Artifactory API key',
    pattern: /AKCp[A-Za-z0-9]{69}/,
    keywords: ['akcp'],
    // Documented at https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key
  },
  {
    id: 'jfrog-reference-token',
    provider: 'JFrog',
    name: 'identity (reference) token',
    // base64("reftkn:01:...") -- 64 characters in all.
    pattern: /cmVmdGtuOjAxO[A-Za-z0-9]{51}/,
    keywords: ['cmvmdgtuojaxo'],
    // Documented at https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens
  },

  // ----- Chat and collaboration webhooks / bots ------------------------------------------------
  {
    id: 'discord-bot-token',
    provider: 'Discord',
    name: 'bot token',
    // base64(user id) . 6-char timestamp . HMAC; a snowflake id starts with a digit, so the
    // first two base64 characters come from a small set.
    pattern:
      /(?:M[Tjz]|N[DTjz]|O[DT])[A-Za-z0-9_-]{21,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}/,
    keywords: ['mt', 'mj', 'mz', 'nd', 'nt', 'nj', 'nz', 'od', 'ot'],
    minEntropy: 4,
    // Documented at https://discord.com/developers/docs/reference#authentication
  },
  {
    id: 'discord-webhook',
    provider: 'Discord',
    name: 'webhook URL',
    pattern:
      /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68}/,
    keywords: ['/api/webhooks/'],
    // Documented at https://discord.com/developers/docs/resources/webhook
  },
  {
    id: 'telegram-bot-token',
    provider: 'Telegram',
    name: 'bot token',
    // "<bot id>:<35 characters>"; the only literal is the colon, so entropy must carry it.
    pattern: /\b[0-9]{8,10}:[A-Za-z0-9_-]{35}/,
    keywords: [':'],
    minEntropy: 4,
    // Documented at https://core.telegram.org/bots/api#authorizing-your-bot
  },
  {
    id: 'microsoft-teams-webhook',
    provider: 'Microsoft Teams',
    name: 'incoming webhook URL',
    // "<tenant>.webhook.office.com/webhookb2/..." since 2021, "outlook.office(365).com/webhook/..."
    // before. The tenant label is written as users name it (underscores included).
    pattern:
      /https:\/\/(?:[A-Za-z0-9_-]{1,63}\.webhook\.office\.com\/webhookb2|outlook\.office(?:365)?\.com\/webhook)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/IncomingWebhook\/[A-Za-z0-9]{32}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/[A-Za-z0-9_-]{20,80})?/,
    keywords: ['.webhook.office.com/webhookb2/', 'outlook.office.com/webhook/', 'outlook.office365.com/webhook/'],
    // Documented at https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
  },
  {
    id: 'azure-logic-apps-webhook',
    provider: 'Microsoft Power Automate / Azure Logic Apps',
    name: 'workflow HTTP trigger URL (Teams "Workflows" webhook)',
    // The replacement for Teams connector webhooks: a Logic Apps HTTP trigger whose URL carries
    // a SAS signature (`sig=`, 43 base64url characters) that lets anyone start the workflow.
    pattern:
      /https:\/\/[a-z0-9-]{1,63}\.[a-z0-9-]{1,63}\.logic\.azure\.com(?::443)?\/workflows\/[0-9a-f]{32}\/triggers\/[A-Za-z0-9_.-]{1,80}\/paths\/invoke[?][A-Za-z0-9%._=&-]{0,200}sig=[A-Za-z0-9_-]{43}/,
    keywords: ['.logic.azure.com'],
    // Documented at https://learn.microsoft.com/en-us/azure/connectors/connectors-native-reqres
  },
  {
    id: 'power-automate-webhook',
    provider: 'Microsoft Power Automate',
    name: 'workflow HTTP trigger URL (Teams "Workflows" webhook)',
    // Flows created in Power Automate / Teams Workflows now get an environment-scoped host:
    // "<environment>.<2 characters>.environment.api.powerplatform.com"; the secret is `sig=`.
    pattern:
      /https:\/\/[a-z0-9-]{1,63}\.[a-z0-9]{1,8}\.environment\.api\.powerplatform\.com(?::443)?\/powerautomate\/automations\/direct\/workflows\/[0-9a-f]{32}\/triggers\/[A-Za-z0-9_.-]{1,80}\/paths\/invoke[?][A-Za-z0-9%._=&-]{0,200}sig=[A-Za-z0-9_-]{43}/,
    keywords: ['.environment.api.powerplatform.com'],
    // Documented at https://learn.microsoft.com/en-us/power-automate/oauth-authentication
  },
  {
    id: 'dingtalk-webhook',
    provider: 'DingTalk',
    name: 'robot webhook URL',
    pattern: /https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[0-9a-f]{64}/,
    keywords: ['oapi.dingtalk.com/robot/send'],
    // Documented at https://open.dingtalk.com/document/robots/custom-robot-access
  },
  {
    id: 'feishu-webhook',
    provider: 'Feishu / Lark',
    name: 'custom bot webhook URL',
    pattern:
      /https:\/\/open\.(?:feishu\.cn|larksuite\.com)\/open-apis\/bot\/v2\/hook\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['/open-apis/bot/v2/hook/'],
    // Documented at https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
  },
  {
    id: 'wecom-webhook',
    provider: 'WeCom',
    name: 'group robot webhook URL',
    pattern:
      /https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['qyapi.weixin.qq.com/cgi-bin/webhook/send'],
    // Documented at https://developer.work.weixin.qq.com/document/path/91770
  },
  {
    id: 'zapier-webhook',
    provider: 'Zapier',
    name: 'catch hook URL',
    pattern: /https:\/\/hooks\.zapier\.com\/hooks\/catch\/[0-9]{5,12}\/[a-z0-9]{5,12}/,
    keywords: ['hooks.zapier.com/hooks/catch/'],
    severity: 'warning',
    // Documented at https://help.zapier.com/hc/en-us/articles/8496288690317
  },
  {
    id: 'ifttt-webhook-key',
    provider: 'IFTTT',
    name: 'Webhooks service key in a trigger URL',
    pattern:
      /https:\/\/maker\.ifttt\.com\/trigger\/[A-Za-z0-9_-]{1,100}\/(?:json\/)?with\/key\/[A-Za-z0-9_-]{22}/,
    keywords: ['maker.ifttt.com/trigger/'],
    // Documented at https://ifttt.com/maker_webhooks
  },
  {
    id: 'make-webhook',
    provider: 'Make',
    name: 'custom webhook URL',
    pattern: /https:\/\/hook\.(?:eu[12]|us[12])\.make\.com\/[a-z0-9]{32}/,
    keywords: ['.make.com/'],
    severity: 'warning',
    // Documented at https://www.make.com/en/help/tools/webhooks
  },

  // ----- Commerce and payments -----------------------------------------------------------------
  // Shopify's changelogs (2020) announce the prefixes and "32 to 38 characters", not the alphabet
  // or a fixed length. Tokens seen so far carry 32 hex characters after the prefix; the prefix is
  // distinctive enough to accept any base62 body of 32 to 48 characters.
  {
    id: 'shopify-access-token',
    provider: 'Shopify',
    name: 'Admin API access token',
    pattern: /shpat_[A-Za-z0-9]{32,48}/,
    keywords: ['shpat_'],
    // Documented at https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
  },
  {
    id: 'shopify-custom-app-token',
    provider: 'Shopify',
    name: 'custom app access token',
    pattern: /shpca_[A-Za-z0-9]{32,48}/,
    keywords: ['shpca_'],
    // Documented at https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
  },
  {
    id: 'shopify-private-app-token',
    provider: 'Shopify',
    name: 'private app access token',
    pattern: /shppa_[A-Za-z0-9]{32,48}/,
    keywords: ['shppa_'],
    // Documented at https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
  },
  {
    id: 'shopify-shared-secret',
    provider: 'Shopify',
    name: 'app shared secret',
    pattern: /shpss_[A-Za-z0-9]{32,48}/,
    keywords: ['shpss_'],
    // Documented at https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
  },
  {
    id: 'square-access-token',
    provider: 'Square',
    name: 'access token',
    pattern: /EAAA[A-Za-z0-9_-]{60}/,
    keywords: ['eaaa'],
    minEntropy: 4,
    // Documented at https://developer.squareup.com/docs/build-basics/access-tokens
  },
  {
    id: 'square-legacy-access-token',
    provider: 'Square',
    name: 'access token (legacy format)',
    pattern: /sq0atp-[A-Za-z0-9_-]{22}/,
    keywords: ['sq0atp-'],
    // Documented at https://developer.squareup.com/docs/build-basics/access-tokens
  },
  {
    id: 'square-oauth-secret',
    provider: 'Square',
    name: 'OAuth application secret',
    pattern: /sq0csp-[A-Za-z0-9_-]{43}/,
    keywords: ['sq0csp-'],
    // Documented at https://developer.squareup.com/docs/oauth-api/overview
  },
  {
    id: 'braintree-production-access-token',
    provider: 'PayPal Braintree',
    name: 'production access token',
    pattern: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}/,
    keywords: ['access_token$production$'],
    // Documented at https://developer.paypal.com/braintree/docs/guides/authorization/overview
  },
  {
    id: 'braintree-sandbox-access-token',
    provider: 'PayPal Braintree',
    name: 'sandbox access token',
    pattern: /access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32}/,
    keywords: ['access_token$sandbox$'],
    severity: 'warning',
    // Documented at https://developer.paypal.com/braintree/docs/guides/authorization/overview
  },
  {
    id: 'razorpay-live-key-id',
    provider: 'Razorpay',
    name: 'live key id (used by Checkout in the browser)',
    pattern: /rzp_live_[A-Za-z0-9]{14}/,
    keywords: ['rzp_live_'],
    publishable: true,
    // Documented at https://razorpay.com/docs/api/authentication/
  },
  {
    id: 'razorpay-test-key-id',
    provider: 'Razorpay',
    name: 'test key id',
    pattern: /rzp_test_[A-Za-z0-9]{14}/,
    keywords: ['rzp_test_'],
    publishable: true,
    // Documented at https://razorpay.com/docs/api/authentication/
  },
  {
    id: 'flutterwave-secret-key',
    provider: 'Flutterwave',
    name: 'live secret key',
    pattern: /FLWSECK-[0-9a-f]{32}-X/,
    keywords: ['flwseck-'],
    // Documented at https://developer.flutterwave.com/docs/authentication
  },
  {
    id: 'flutterwave-test-secret-key',
    provider: 'Flutterwave',
    name: 'test secret key',
    pattern: /FLWSECK_TEST-[0-9a-f]{32}-X/,
    keywords: ['flwseck_test-'],
    severity: 'warning',
    // Documented at https://developer.flutterwave.com/docs/authentication
  },
  {
    id: 'flutterwave-public-key',
    provider: 'Flutterwave',
    name: 'public key',
    pattern: /FLWPUBK(?:_TEST)?-[0-9a-f]{32}-X/,
    keywords: ['flwpubk'],
    publishable: true,
    // Documented at https://developer.flutterwave.com/docs/authentication
  },
  {
    id: 'shippo-live-token',
    provider: 'Shippo',
    name: 'live API token',
    pattern: /shippo_live_[0-9a-f]{40}/,
    keywords: ['shippo_live_'],
    // Documented at https://docs.goshippo.com/docs/guides_general/authentication/
  },
  {
    id: 'shippo-test-token',
    provider: 'Shippo',
    name: 'test API token',
    pattern: /shippo_test_[0-9a-f]{40}/,
    keywords: ['shippo_test_'],
    severity: 'warning',
    // Documented at https://docs.goshippo.com/docs/guides_general/authentication/
  },
  {
    id: 'easypost-production-key',
    provider: 'EasyPost',
    name: 'production API key',
    pattern: /EZAK[0-9A-Za-z]{54}/,
    keywords: ['ezak'],
    // Documented at https://docs.easypost.com/docs/authentication
  },
  {
    id: 'easypost-test-key',
    provider: 'EasyPost',
    name: 'test API key',
    pattern: /EZTK[0-9A-Za-z]{54}/,
    keywords: ['eztk'],
    severity: 'warning',
    // Documented at https://docs.easypost.com/docs/authentication
  },
  {
    id: 'duffel-live-token',
    provider: 'Duffel',
    name: 'live access token',
    pattern: /duffel_live_[A-Za-z0-9_-]{43}/,
    keywords: ['duffel_live_'],
    // Documented at https://duffel.com/docs/api/overview/making-requests/authentication
  },
  {
    id: 'duffel-test-token',
    provider: 'Duffel',
    name: 'test access token',
    pattern: /duffel_test_[A-Za-z0-9_-]{43}/,
    keywords: ['duffel_test_'],
    severity: 'warning',
    // Documented at https://duffel.com/docs/api/overview/making-requests/authentication
  },
  {
    id: 'paddle-api-key',
    provider: 'Paddle',
    name: 'Billing API key',
    pattern: /pdl_(?:live|sdbx)_apikey_[A-Za-z0-9_]{40,100}/,
    keywords: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    // Documented at https://developer.paddle.com/api-reference/about/api-keys
  },
  {
    id: 'plaid-access-token',
    provider: 'Plaid',
    name: 'Item access token',
    pattern:
      /access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    // Documented at https://plaid.com/docs/api/tokens/
  },

  // ----- Error tracking, hosting and cloud platforms -------------------------------------------
  {
    id: 'sentry-user-token',
    provider: 'Sentry',
    name: 'personal (user) auth token',
    pattern: /sntryu_[a-f0-9]{64}/,
    keywords: ['sntryu_'],
    // Documented at https://docs.sentry.io/security-legal-pii/security/token-formats/
  },
  {
    id: 'sentry-org-token',
    provider: 'Sentry',
    name: 'organization auth token',
    pattern: /sntrys_[A-Za-z0-9+/=]{40,300}_[A-Za-z0-9+/]{43}/,
    keywords: ['sntrys_'],
    // Documented at https://docs.sentry.io/security-legal-pii/security/token-formats/
  },
  {
    id: 'heroku-api-key',
    provider: 'Heroku',
    name: 'Platform API key',
    pattern:
      /HRKU-(?:AA[A-Za-z0-9_-]{58}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/,
    keywords: ['hrku-'],
    // Documented at https://devcenter.heroku.com/articles/authentication
  },
  {
    id: 'digitalocean-pat',
    provider: 'DigitalOcean',
    name: 'personal access token',
    pattern: /dop_v1_[a-f0-9]{64}/,
    keywords: ['dop_v1_'],
    // Documented at https://docs.digitalocean.com/reference/api/create-personal-access-token/
  },
  {
    id: 'digitalocean-oauth-token',
    provider: 'DigitalOcean',
    name: 'OAuth access token',
    pattern: /doo_v1_[a-f0-9]{64}/,
    keywords: ['doo_v1_'],
    // Documented at https://docs.digitalocean.com/reference/api/oauth/
  },
  {
    id: 'digitalocean-refresh-token',
    provider: 'DigitalOcean',
    name: 'OAuth refresh token',
    pattern: /dor_v1_[a-f0-9]{64}/,
    keywords: ['dor_v1_'],
    // Documented at https://docs.digitalocean.com/reference/api/oauth/
  },
  {
    id: 'cloudflare-origin-ca-key',
    provider: 'Cloudflare',
    name: 'Origin CA key',
    pattern: /v1\.0-[0-9a-f]{24}-[0-9a-f]{146}/,
    keywords: ['v1.0-'],
    // Documented at https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/
  },
  {
    id: 'cloudflare-global-api-key',
    provider: 'Cloudflare',
    name: 'Global API key (scannable format)',
    // prefix + 40 characters + checksum.
    pattern: /cfk_[A-Za-z0-9]{40}[A-Za-z0-9]{8}/,
    keywords: ['cfk_'],
    // Documented at https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/
  },
  {
    id: 'cloudflare-user-api-token',
    provider: 'Cloudflare',
    name: 'user API token (scannable format)',
    pattern: /cfut_[A-Za-z0-9]{40}[A-Za-z0-9]{8}/,
    keywords: ['cfut_'],
    // Documented at https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/
  },
  {
    id: 'cloudflare-account-api-token',
    provider: 'Cloudflare',
    name: 'account API token (scannable format)',
    pattern: /cfat_[A-Za-z0-9]{40}[A-Za-z0-9]{8}/,
    keywords: ['cfat_'],
    // Documented at https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/
  },
  {
    id: 'vercel-personal-token',
    provider: 'Vercel',
    name: 'personal access token',
    pattern: /vcp_[A-Za-z0-9]{20,64}/,
    keywords: ['vcp_'],
    // Documented at https://vercel.com/changelog/new-token-formats-and-secret-scanning
  },
  {
    id: 'vercel-integration-token',
    provider: 'Vercel',
    name: 'integration token',
    pattern: /vci_[A-Za-z0-9]{20,64}/,
    keywords: ['vci_'],
    // Documented at https://vercel.com/changelog/new-token-formats-and-secret-scanning
  },
  {
    id: 'vercel-app-access-token',
    provider: 'Vercel',
    name: 'app access token',
    pattern: /vca_[A-Za-z0-9]{20,64}/,
    keywords: ['vca_'],
    // Documented at https://vercel.com/changelog/new-token-formats-and-secret-scanning
  },
  {
    id: 'vercel-app-refresh-token',
    provider: 'Vercel',
    name: 'app refresh token',
    pattern: /vcr_[A-Za-z0-9]{20,64}/,
    keywords: ['vcr_'],
    // Documented at https://vercel.com/changelog/new-token-formats-and-secret-scanning
  },
  {
    id: 'vercel-api-key',
    provider: 'Vercel',
    name: 'API key (AI Gateway)',
    pattern: /vck_[A-Za-z0-9]{20,64}/,
    keywords: ['vck_'],
    // Documented at https://vercel.com/changelog/new-token-formats-and-secret-scanning
  },
  {
    id: 'netlify-pat',
    provider: 'Netlify',
    name: 'personal access token',
    pattern: /nfp_[A-Za-z0-9]{36}/,
    keywords: ['nfp_'],
    // Documented at https://docs.netlify.com/api/get-started/#authentication
  },
  {
    id: 'supabase-access-token',
    provider: 'Supabase',
    name: 'personal access token (Management API)',
    pattern: /sbp_[a-f0-9]{40}/,
    keywords: ['sbp_'],
    // Documented at https://supabase.com/docs/reference/api/introduction
  },
  {
    id: 'supabase-secret-key',
    provider: 'Supabase',
    name: 'secret API key',
    pattern: /sb_secret_[A-Za-z0-9_-]{20,80}/,
    keywords: ['sb_secret_'],
    // Documented at https://supabase.com/docs/guides/api/api-keys
  },
  {
    id: 'supabase-publishable-key',
    provider: 'Supabase',
    name: 'publishable API key',
    pattern: /sb_publishable_[A-Za-z0-9_-]{20,80}/,
    keywords: ['sb_publishable_'],
    publishable: true,
    // Documented at https://supabase.com/docs/guides/api/api-keys
  },
  {
    id: 'neon-api-key',
    provider: 'Neon',
    name: 'API key',
    pattern: /napi_[a-z0-9]{64}/,
    keywords: ['napi_'],
    // Documented at https://neon.com/docs/manage/api-keys
  },
  {
    id: 'planetscale-password',
    provider: 'PlanetScale',
    name: 'database password',
    pattern: /pscale_pw_[A-Za-z0-9_.-]{32,64}/,
    keywords: ['pscale_pw_'],
    // Documented at https://planetscale.com/docs/concepts/connection-strings
  },
  {
    id: 'planetscale-service-token',
    provider: 'PlanetScale',
    name: 'service token',
    pattern: /pscale_tkn_[A-Za-z0-9_.-]{32,64}/,
    keywords: ['pscale_tkn_'],
    // Documented at https://planetscale.com/docs/concepts/service-tokens
  },
  {
    id: 'planetscale-oauth-token',
    provider: 'PlanetScale',
    name: 'OAuth token',
    pattern: /pscale_oauth_[A-Za-z0-9_.-]{32,64}/,
    keywords: ['pscale_oauth_'],
    // Documented at https://planetscale.com/docs/concepts/planetscale-api-oauth-applications
  },
  {
    id: 'fly-legacy-token',
    provider: 'Fly.io',
    name: 'access token (legacy fo1_ format)',
    pattern: /fo1_[A-Za-z0-9_-]{43}/,
    keywords: ['fo1_'],
    // Documented at https://fly.io/docs/security/tokens/
  },
  {
    id: 'fly-macaroon-token',
    provider: 'Fly.io',
    name: 'macaroon token (FlyV1)',
    pattern: /FlyV1 fm[12][a-z]?_[A-Za-z0-9+/=_,-]{60,4000}/,
    keywords: ['flyv1 fm'],
    // Documented at https://fly.io/docs/security/tokens/
  },
  {
    id: 'render-api-key',
    provider: 'Render',
    name: 'API key',
    pattern: /rnd_[A-Za-z0-9]{32}/,
    keywords: ['rnd_'],
    // Documented at https://render.com/docs/api#1-create-an-api-key
  },
  {
    id: 'deno-deploy-pat',
    provider: 'Deno Deploy',
    name: 'personal access token',
    pattern: /ddp_[A-Za-z0-9]{36}/,
    keywords: ['ddp_'],
    // Documented at https://docs.deno.com/deploy/manual/api/
  },
  {
    id: 'deno-deploy-org-token',
    provider: 'Deno Deploy',
    name: 'organization access token',
    pattern: /ddw_[A-Za-z0-9]{36}/,
    keywords: ['ddw_'],
    // Documented at https://docs.deno.com/deploy/manual/api/
  },
  {
    id: 'akamai-edgegrid-token',
    provider: 'Akamai',
    name: 'EdgeGrid client or access token',
    pattern: /akab-[a-z0-9]{16}-[a-z0-9]{16}/,
    keywords: ['akab-'],
    severity: 'warning',
    // Documented at https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials
  },
  {
    id: 'scaleway-access-key',
    provider: 'Scaleway',
    name: 'access key id',
    pattern: /SCW[A-Z0-9]{17}/,
    keywords: ['scw'],
    severity: 'warning',
    // Documented at https://www.scaleway.com/en/docs/iam/concepts/#api-key
  },
  {
    id: 'alibaba-access-key-id',
    provider: 'Alibaba Cloud',
    name: 'AccessKey id',
    pattern: /LTAI[A-Za-z0-9]{12,20}/,
    keywords: ['ltai'],
    severity: 'warning',
    // Documented at https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair
  },
  {
    id: 'tencent-secret-id',
    provider: 'Tencent Cloud',
    name: 'SecretId',
    pattern: /AKID[A-Za-z0-9]{32}/,
    keywords: ['akid'],
    severity: 'warning',
    // Documented at https://www.tencentcloud.com/document/product/598/32675
  },
  {
    id: 'yandex-cloud-api-key',
    provider: 'Yandex Cloud',
    name: 'API key',
    pattern: /AQVN[A-Za-z0-9_-]{35,38}/,
    keywords: ['aqvn'],
    // Documented at https://yandex.cloud/en/docs/iam/concepts/authorization/api-key
  },

  // ----- Tokens with a decodable structure -----------------------------------------------------
  {
    id: 'jwt',
    provider: 'JSON Web Token',
    name: 'signed JWT (bearer credential, e.g. a service-role key)',
    // Header and payload are base64url JSON objects ("eyJ" = '{"'); the signature is at most
    // 512 bytes (RS512). \b: a JWT never starts inside a word, and it keeps the scan linear.
    pattern: /\beyJ[A-Za-z0-9_-]{8,600}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,700}/,
    keywords: ['eyj'],
    severity: 'warning',
    validate: hasJwtHeader,
    // Documented at https://datatracker.ietf.org/doc/html/rfc7519
  },
  {
    id: 'teamcity-access-token',
    provider: 'JetBrains TeamCity',
    name: 'access token',
    // The first segment is base64 of '{"typ": "TCV2"}'.
    pattern: /eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{20,80}\.[A-Za-z0-9_-]{20,80}/,
    keywords: ['eyj0exaioiaivenwmij9'],
    // Documented at https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens
  },

  // ----- Developer tools and SaaS APIs ---------------------------------------------------------
  {
    id: 'linear-api-key',
    provider: 'Linear',
    name: 'personal API key',
    // Linear documents only the prefix; keys seen so far carry 40 characters after it, so other
    // lengths are still reported, at a lower confidence.
    pattern: /lin_api_[A-Za-z0-9]{32,64}/,
    keywords: ['lin_api_'],
    validate: (token) => token.length === 48,
    // Documented at https://linear.app/developers/graphql#personal-api-keys
  },
  {
    id: 'linear-oauth-token',
    provider: 'Linear',
    name: 'OAuth access token',
    pattern: /lin_oauth_[a-f0-9]{64}/,
    keywords: ['lin_oauth_'],
    // Documented at https://linear.app/developers/oauth-2-0-authentication
  },
  {
    id: 'notion-integration-token',
    provider: 'Notion',
    name: 'internal integration token',
    pattern: /ntn_[A-Za-z0-9]{46}/,
    keywords: ['ntn_'],
    // Documented at https://developers.notion.com/docs/authorization
  },
  {
    id: 'notion-integration-secret-legacy',
    provider: 'Notion',
    name: 'internal integration secret (legacy "secret_" format)',
    pattern: /secret_[A-Za-z0-9]{43}/,
    keywords: ['secret_'],
    minEntropy: 4,
    // Documented at https://developers.notion.com/docs/authorization
  },
  {
    id: 'postman-api-key',
    provider: 'Postman',
    name: 'API key',
    pattern: /PMAK-[0-9a-f]{24}-[0-9a-f]{34}/,
    keywords: ['pmak-'],
    // Documented at https://learning.postman.com/docs/developer/postman-api/authentication/
  },
  {
    id: 'grafana-cloud-token',
    provider: 'Grafana',
    name: 'Grafana Cloud access policy token',
    pattern: /glc_[A-Za-z0-9+/]{32,400}={0,2}/,
    keywords: ['glc_'],
    // Documented at https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/
  },
  {
    id: 'grafana-service-account-token',
    provider: 'Grafana',
    name: 'service account token',
    pattern: /glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}/,
    keywords: ['glsa_'],
    // Documented at https://grafana.com/docs/grafana/latest/administration/service-accounts/
  },
  {
    id: 'vault-service-token',
    provider: 'HashiCorp Vault',
    name: 'service token',
    pattern: /hvs\.[A-Za-z0-9_-]{24,400}/,
    keywords: ['hvs.'],
    // Documented at https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
  },
  {
    id: 'vault-batch-token',
    provider: 'HashiCorp Vault',
    name: 'batch token',
    pattern: /hvb\.[A-Za-z0-9_-]{24,800}/,
    keywords: ['hvb.'],
    // Documented at https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
  },
  {
    id: 'vault-recovery-token',
    provider: 'HashiCorp Vault',
    name: 'recovery token',
    pattern: /hvr\.[A-Za-z0-9_-]{24,400}/,
    keywords: ['hvr.'],
    // Documented at https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
  },
  {
    id: 'terraform-cloud-token',
    provider: 'HashiCorp Terraform Cloud',
    name: 'user, team or organization API token',
    pattern: /\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}/,
    keywords: ['.atlasv1.'],
    // Documented at https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
  },
  {
    id: 'pulumi-access-token',
    provider: 'Pulumi',
    name: 'access token',
    pattern: /pul-[a-f0-9]{40}/,
    keywords: ['pul-'],
    // Documented at https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/
  },
  {
    id: 'doppler-personal-token',
    provider: 'Doppler',
    name: 'personal token',
    pattern: /dp\.pt\.[A-Za-z0-9]{40,44}/,
    keywords: ['dp.pt.'],
    // Documented at https://docs.doppler.com/reference/api#authentication
  },
  {
    id: 'doppler-service-token',
    provider: 'Doppler',
    name: 'service token',
    pattern: /dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}/,
    keywords: ['dp.st.'],
    // Documented at https://docs.doppler.com/docs/service-tokens
  },
  {
    id: 'doppler-cli-token',
    provider: 'Doppler',
    name: 'CLI token',
    pattern: /dp\.ct\.[A-Za-z0-9]{40,44}/,
    keywords: ['dp.ct.'],
    // Documented at https://docs.doppler.com/reference/api#authentication
  },
  {
    id: 'doppler-service-account-token',
    provider: 'Doppler',
    name: 'service account token',
    pattern: /dp\.sa\.[A-Za-z0-9]{40,44}/,
    keywords: ['dp.sa.'],
    // Documented at https://docs.doppler.com/docs/service-accounts
  },
  {
    id: 'doppler-scim-token',
    provider: 'Doppler',
    name: 'SCIM token',
    pattern: /dp\.scim\.[A-Za-z0-9]{40,44}/,
    keywords: ['dp.scim.'],
    // Documented at https://docs.doppler.com/reference/api#authentication
  },
  {
    id: 'doppler-audit-token',
    provider: 'Doppler',
    name: 'audit token',
    pattern: /dp\.audit\.[A-Za-z0-9]{40,44}/,
    keywords: ['dp.audit.'],
    // Documented at https://docs.doppler.com/reference/api#authentication
  },
  {
    id: 'onepassword-service-account-token',
    provider: '1Password',
    name: 'service account token',
    pattern: /ops_eyJ[A-Za-z0-9+/=_-]{100,2000}/,
    keywords: ['ops_eyj'],
    // Documented at https://developer.1password.com/docs/service-accounts/
  },
  {
    id: 'onepassword-secret-key',
    provider: '1Password',
    name: 'account Secret Key',
    pattern: /A3-[A-Z0-9]{6}-[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}/,
    keywords: ['a3-'],
    // Documented at https://support.1password.com/secret-key/
  },
  {
    id: 'databricks-pat',
    provider: 'Databricks',
    name: 'personal access token',
    pattern: /dapi[0-9a-f]{32}(?:-[0-9])?/,
    keywords: ['dapi'],
    // Documented at https://docs.databricks.com/en/dev-tools/auth/pat.html
  },
  {
    id: 'databricks-oauth-secret',
    provider: 'Databricks',
    name: 'service principal OAuth secret',
    pattern: /dose[0-9a-f]{32}/,
    keywords: ['dose'],
    minEntropy: 3.3,
    // Documented at https://docs.databricks.com/en/dev-tools/auth/oauth-m2m.html
  },
  {
    id: 'dynatrace-api-token',
    provider: 'Dynatrace',
    name: 'API token',
    pattern: /dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}/,
    keywords: ['dt0c01.'],
    // Documented at https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication
  },
  {
    id: 'dynatrace-platform-token',
    provider: 'Dynatrace',
    name: 'platform token or OAuth client secret',
    pattern: /dt0s[0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}/,
    keywords: ['dt0s'],
    // Documented at https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication
  },
  {
    id: 'newrelic-user-api-key',
    provider: 'New Relic',
    name: 'user API key',
    pattern: /NRAK-[A-Z0-9]{27}/,
    keywords: ['nrak-'],
    // Documented at https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
  },
  {
    id: 'newrelic-insert-key',
    provider: 'New Relic',
    name: 'Insights insert key',
    pattern: /NRII-[A-Za-z0-9_-]{32}/,
    keywords: ['nrii-'],
    // Documented at https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
  },
  {
    id: 'newrelic-query-key',
    provider: 'New Relic',
    name: 'Insights query key',
    pattern: /NRIQ-[A-Za-z0-9_-]{32}/,
    keywords: ['nriq-'],
    // Documented at https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
  },
  {
    id: 'newrelic-admin-key',
    provider: 'New Relic',
    name: 'admin API key (legacy)',
    pattern: /NRAA-[a-f0-9]{27}/,
    keywords: ['nraa-'],
    // Documented at https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
  },
  {
    id: 'newrelic-license-key',
    provider: 'New Relic',
    name: 'ingest license key',
    pattern: /\b[a-f0-9]{36}NRAL/,
    keywords: ['nral'],
    // Documented at https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
  },
  {
    id: 'newrelic-browser-key',
    provider: 'New Relic',
    name: 'browser ingest key',
    pattern: /NRJS-[a-f0-9]{19}/,
    keywords: ['nrjs-'],
    publishable: true,
    // Documented at https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
  },
  {
    id: 'figma-pat',
    provider: 'Figma',
    name: 'personal access token',
    pattern: /figd_[A-Za-z0-9_-]{40}/,
    keywords: ['figd_'],
    // Documented at https://www.figma.com/developers/api#access-tokens
  },
  {
    id: 'airtable-pat',
    provider: 'Airtable',
    name: 'personal access token',
    pattern: /pat[A-Za-z0-9]{14}\.[0-9a-f]{64}/,
    keywords: ['pat'],
    // Documented at https://airtable.com/developers/web/guides/personal-access-tokens
  },
  {
    id: 'asana-pat',
    provider: 'Asana',
    name: 'personal access token',
    pattern: /[12]\/[0-9]{13,19}(?:\/[0-9]{13,19})?:[0-9a-f]{32}/,
    keywords: ['1/', '2/'],
    // Documented at https://developers.asana.com/docs/personal-access-token
  },
  {
    id: 'dropbox-short-lived-token',
    provider: 'Dropbox',
    name: 'short-lived access token',
    pattern: /sl\.(?:u\.)?[A-Za-z0-9_-]{130,1500}/,
    keywords: ['sl.'],
    // Documented at https://developers.dropbox.com/oauth-guide
  },
  {
    id: 'mapbox-secret-token',
    provider: 'Mapbox',
    name: 'secret access token',
    pattern: /sk\.eyJ[A-Za-z0-9_-]{50,300}\.[A-Za-z0-9_-]{22}/,
    keywords: ['sk.eyj'],
    // Documented at https://docs.mapbox.com/accounts/guides/tokens/
  },
  {
    id: 'mapbox-public-token',
    provider: 'Mapbox',
    name: 'public access token',
    pattern: /pk\.eyJ[A-Za-z0-9_-]{50,300}\.[A-Za-z0-9_-]{22}/,
    keywords: ['pk.eyj'],
    publishable: true,
    // Documented at https://docs.mapbox.com/accounts/guides/tokens/
  },
  {
    id: 'mapbox-temporary-token',
    provider: 'Mapbox',
    name: 'temporary access token',
    pattern: /tk\.eyJ[A-Za-z0-9_-]{50,300}\.[A-Za-z0-9_-]{22}/,
    keywords: ['tk.eyj'],
    severity: 'warning',
    // Documented at https://docs.mapbox.com/accounts/guides/tokens/
  },
  {
    id: 'adafruit-io-key',
    provider: 'Adafruit IO',
    name: 'key',
    pattern: /aio_[A-Za-z0-9]{28}/,
    keywords: ['aio_'],
    // Documented at https://io.adafruit.com/api/docs/#authentication
  },
  {
    id: 'age-secret-key',
    provider: 'age',
    name: 'X25519 identity (secret key)',
    // Bech32, upper-case, HRP "AGE-SECRET-KEY-".
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/,
    keywords: ['age-secret-key-1'],
    // Documented at https://age-encryption.org/v1
  },
  {
    id: 'contentful-pat',
    provider: 'Contentful',
    name: 'personal access token',
    pattern: /CFPAT-[A-Za-z0-9_-]{43}/,
    keywords: ['cfpat-'],
    // Documented at https://www.contentful.com/developers/docs/references/authentication/
  },
  {
    id: 'frameio-developer-token',
    provider: 'Frame.io',
    name: 'developer token',
    pattern: /fio-u-[A-Za-z0-9_=-]{64}/,
    keywords: ['fio-u-'],
    // Documented at https://developer.frame.io/docs/getting-started/authentication
  },
  {
    id: 'prefect-api-key',
    provider: 'Prefect',
    name: 'Prefect Cloud API key',
    pattern: /pnu_[A-Za-z0-9]{36}/,
    keywords: ['pnu_'],
    // Documented at https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys
  },
  {
    id: 'scalingo-api-token',
    provider: 'Scalingo',
    name: 'API token',
    pattern: /tk-us-[A-Za-z0-9_-]{48}/,
    keywords: ['tk-us-'],
    // Documented at https://developers.scalingo.com/#authentication
  },
  {
    id: 'sourcegraph-access-token',
    provider: 'Sourcegraph',
    name: 'access token',
    pattern: /sgp_(?:[0-9a-f]{16}_|local_)?[0-9a-f]{40}/,
    keywords: ['sgp_'],
    // Documented at https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token
  },
  {
    id: 'sonarqube-project-token',
    provider: 'SonarQube',
    name: 'project analysis token',
    pattern: /sqp_[0-9a-f]{40}/,
    keywords: ['sqp_'],
    // Documented at https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/
  },
  {
    id: 'sonarqube-user-token',
    provider: 'SonarQube',
    name: 'user token',
    pattern: /squ_[0-9a-f]{40}/,
    keywords: ['squ_'],
    // Documented at https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/
  },
  {
    id: 'sonarqube-global-token',
    provider: 'SonarQube',
    name: 'global analysis token',
    pattern: /sqa_[0-9a-f]{40}/,
    keywords: ['sqa_'],
    // Documented at https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/
  },
  {
    id: 'typeform-pat',
    provider: 'Typeform',
    name: 'personal access token',
    pattern: /tfp_[A-Za-z0-9_-]{40,64}/,
    keywords: ['tfp_'],
    // Documented at https://www.typeform.com/developers/get-started/personal-access-token/
  },
  {
    id: 'buildkite-api-token',
    provider: 'Buildkite',
    name: 'user API access token',
    pattern: /bkua_[0-9a-f]{40}/,
    keywords: ['bkua_'],
    // Documented at https://buildkite.com/docs/apis/managing-api-tokens
  },
  {
    id: 'circleci-personal-token',
    provider: 'CircleCI',
    name: 'personal API token',
    pattern: /CCIPAT_[A-Za-z0-9]{22}_[0-9a-f]{40}/,
    keywords: ['ccipat_'],
    // Documented at https://circleci.com/docs/managing-api-tokens/
  },
  {
    id: 'circleci-project-token',
    provider: 'CircleCI',
    name: 'project API token',
    pattern: /CCIPRJ_[A-Za-z0-9]{22}_[0-9a-f]{40}/,
    keywords: ['cciprj_'],
    // Documented at https://circleci.com/docs/managing-api-tokens/
  },
  {
    id: 'harness-pat',
    provider: 'Harness',
    name: 'personal access token',
    pattern: /pat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}/,
    keywords: ['pat.'],
    // Documented at https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys
  },
  {
    id: 'harness-service-account-token',
    provider: 'Harness',
    name: 'service account token',
    pattern: /sat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20}/,
    keywords: ['sat.'],
    // Documented at https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys
  },
  {
    id: 'launchdarkly-api-token',
    provider: 'LaunchDarkly',
    name: 'REST API access token',
    pattern: /api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['api-'],
    minEntropy: 3.3,
    // Documented at https://launchdarkly.com/docs/home/account/api
  },
  {
    id: 'launchdarkly-sdk-key',
    provider: 'LaunchDarkly',
    name: 'server-side SDK key',
    pattern: /sdk-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['sdk-'],
    minEntropy: 3.3,
    // Documented at https://launchdarkly.com/docs/sdk/concepts/client-side-server-side#keys
  },
  {
    id: 'launchdarkly-mobile-key',
    provider: 'LaunchDarkly',
    name: 'mobile SDK key',
    pattern: /mob-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['mob-'],
    minEntropy: 3.3,
    publishable: true,
    // Documented at https://launchdarkly.com/docs/sdk/concepts/client-side-server-side#keys
  },
  {
    id: 'tailscale-auth-key',
    provider: 'Tailscale',
    name: 'pre-authentication key',
    pattern: /tskey-auth-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64}/,
    keywords: ['tskey-auth-'],
    // Documented at https://tailscale.com/kb/1277/key-prefixes
  },
  {
    id: 'tailscale-api-token',
    provider: 'Tailscale',
    name: 'API access token',
    pattern: /tskey-api-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64}/,
    keywords: ['tskey-api-'],
    // Documented at https://tailscale.com/kb/1277/key-prefixes
  },
  {
    id: 'tailscale-oauth-client-secret',
    provider: 'Tailscale',
    name: 'OAuth client secret',
    pattern: /tskey-client-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64}/,
    keywords: ['tskey-client-'],
    // Documented at https://tailscale.com/kb/1277/key-prefixes
  },
  {
    id: 'tailscale-webhook-key',
    provider: 'Tailscale',
    name: 'webhook secret',
    pattern: /tskey-webhook-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64}/,
    keywords: ['tskey-webhook-'],
    // Documented at https://tailscale.com/kb/1277/key-prefixes
  },
  {
    id: 'tailscale-scim-key',
    provider: 'Tailscale',
    name: 'SCIM key',
    pattern: /tskey-scim-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64}/,
    keywords: ['tskey-scim-'],
    // Documented at https://tailscale.com/kb/1277/key-prefixes
  },
  {
    id: 'tailscale-key',
    provider: 'Tailscale',
    name: 'key of another type',
    // Every Tailscale key is "tskey-<type>-<key id>-<secret>". Types without an entry above (new
    // ones included) land here; the known types match this too, but the entries above come first
    // and win the overlap, so each key is reported once, under its own type.
    pattern: /tskey-[a-z]{2,16}-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64}/,
    keywords: ['tskey-'],
    // Documented at https://tailscale.com/kb/1277/key-prefixes
  },
  {
    id: 'infracost-api-key',
    provider: 'Infracost',
    name: 'API key',
    pattern: /ico-[A-Za-z0-9]{32}/,
    keywords: ['ico-'],
    // Documented at https://www.infracost.io/docs/integrations/environment_variables/
  },
  {
    id: 'octopus-deploy-api-key',
    provider: 'Octopus Deploy',
    name: 'API key',
    pattern: /API-[A-Z0-9]{26,32}/,
    keywords: ['api-'],
    minEntropy: 3.5,
    // Documented at https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key
  },
  {
    id: 'readme-api-key',
    provider: 'ReadMe',
    name: 'API key',
    pattern: /rdme_[a-z0-9]{70}/,
    keywords: ['rdme_'],
    // Documented at https://docs.readme.com/main/reference/intro/authentication
  },
  {
    id: 'posthog-personal-api-key',
    provider: 'PostHog',
    name: 'personal API key',
    pattern: /phx_[A-Za-z0-9]{30,60}/,
    keywords: ['phx_'],
    // Documented at https://posthog.com/docs/api/personal-api-keys
  },
  {
    id: 'posthog-project-api-key',
    provider: 'PostHog',
    name: 'project API key',
    pattern: /phc_[A-Za-z0-9]{30,60}/,
    keywords: ['phc_'],
    publishable: true,
    // Documented at https://posthog.com/docs/api
  },
  {
    id: 'axiom-api-token',
    provider: 'Axiom',
    name: 'API token',
    pattern: /xaat-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['xaat-'],
    // Documented at https://axiom.co/docs/reference/tokens
  },
  {
    id: 'axiom-personal-token',
    provider: 'Axiom',
    name: 'personal access token',
    pattern: /xapt-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['xapt-'],
    // Documented at https://axiom.co/docs/reference/tokens
  },
  {
    id: 'honeycomb-ingest-key',
    provider: 'Honeycomb',
    name: 'ingest key (key id + secret)',
    // "hc" + one assigned letter + "ik_", then the 20-character id and 32-character secret.
    pattern: /hc[a-z]ik_[A-Za-z0-9]{52}/,
    keywords: Array.from(LOWER, (c) => `hc${c}ik_`),
    // Documented at https://docs.honeycomb.io/api/authentication
  },
  {
    id: 'hubspot-private-app-token',
    provider: 'HubSpot',
    name: 'private app access token',
    pattern: /pat-(?:na1|eu1)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['pat-na1-', 'pat-eu1-'],
    // Documented at https://developers.hubspot.com/docs/guides/apps/private-apps/overview
  },
  {
    id: 'clickup-api-token',
    provider: 'ClickUp',
    name: 'personal API token',
    pattern: /pk_[0-9]{6,12}_[A-Z0-9]{32}/,
    keywords: ['pk_'],
    // Documented at https://developer.clickup.com/docs/authentication
  },
  {
    id: 'twitter-bearer-token',
    provider: 'X (Twitter)',
    name: 'app-only bearer token',
    // App-only bearer tokens begin with a long run of "A" (zero bytes in the encoding).
    pattern: /A{22}[A-Za-z0-9%]{80,150}/,
    keywords: ['aaaaaaaaaaaaaaaaaaaaaa'],
    minEntropy: 3.5,
    // Documented at https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/bearer-tokens
  },
  {
    id: 'riot-games-api-key',
    provider: 'Riot Games',
    name: 'developer API key',
    pattern: /RGAPI-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    keywords: ['rgapi-'],
    // Documented at https://developer.riotgames.com/docs/portal
  },
  {
    id: 'adobe-client-secret',
    provider: 'Adobe',
    name: 'Developer Console OAuth client secret',
    pattern: /p8e-[A-Za-z0-9_-]{32}/,
    keywords: ['p8e-'],
    // Documented at https://developer.adobe.com/developer-console/docs/guides/authentication/
  },
  {
    id: 'apify-api-token',
    provider: 'Apify',
    name: 'API token',
    pattern: /apify_api_[A-Za-z0-9]{36}/,
    keywords: ['apify_api_'],
    // Documented at https://docs.apify.com/platform/integrations/api
  },
  {
    id: 'cloudinary-url',
    provider: 'Cloudinary',
    name: 'CLOUDINARY_URL with API secret',
    pattern: /cloudinary:\/\/[0-9]{15}:[A-Za-z0-9_-]{27}@[a-z0-9_-]{1,64}/,
    keywords: ['cloudinary://'],
    // Documented at https://cloudinary.com/documentation/developer_onboarding_faq_find_credentials
  },
  {
    id: 'configcat-sdk-key',
    provider: 'ConfigCat',
    name: 'SDK key',
    pattern: /configcat-sdk-1\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]{22}/,
    keywords: ['configcat-sdk-1/'],
    severity: 'warning',
    // Documented at https://configcat.com/docs/sdk-reference/overview/
  },
];
