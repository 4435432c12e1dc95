// Secret rules, in priority order: when two findings overlap, the earlier rule wins, so specific
// formats and file-specific knowledge come before generic key-name matches.
import type { Rule } from '../../rule';
import { providerTokens } from './provider-tokens';
import { privateKey } from './private-key';
import { customPattern } from './custom-pattern';
import { kubernetesSecretData } from './kubernetes-secret-data';
import { dockerConfigAuth } from './docker-config-auth';
import { npmrcAuth } from './npmrc-auth';
import { urlCredentialsRule } from './url-credentials';
import { connectionStringPassword } from './connection-string-password';
import { authorizationHeader } from './authorization-header';
import { commandLineCredentials } from './command-line-credentials';
import { genericPassword } from './generic-password';
import { genericSecret } from './generic-secret';
import { dotenvHighEntropy } from './dotenv-high-entropy';

export const SECRET_RULES: readonly Rule[] = [
  providerTokens,
  privateKey,
  // The project's own formats: after the documented ones, before the heuristics that guess from key names.
  customPattern,
  kubernetesSecretData,
  dockerConfigAuth,
  npmrcAuth,
  urlCredentialsRule,
  connectionStringPassword,
  commandLineCredentials,
  authorizationHeader,
  genericPassword,
  genericSecret,
  dotenvHighEntropy,
];
