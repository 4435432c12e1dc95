// secret/generic-secret: a literal token, api key, client secret, private key value or webhook
// URL under a name that says it is one (`token`, `api_key`, `client_secret`, `AccessToken`,
// `SLACK_WEBHOOK_URL`, ...). Machine secrets are generated, so the value must look generated:
// long enough, free of spaces, not a word or an identifier, with some entropy.
import { namedValueRule } from './named-rule';

export const genericSecret = namedValueRule({
  meta: {
    id: 'secret/generic-secret',
    category: 'secret',
    title: 'Hardcoded token, api key or client secret under a secret-named key',
    defaultSeverity: 'error',
    confidence: 'medium',
    explanation:
      'A value that looks generated sits under a name that says it is a secret: `token`, `api_key`, `access_key`, `client_secret`, `secret`, `private_key`, `credentials`, a webhook URL with its secret path. Provider formats are reported by their own rules; this one covers everything else by structure. Reference the value from a secret store or an environment variable instead, and rotate it if it was ever committed. Names that describe a secret without holding one (`token_url`, `secret_name`, `api_key_file`) and values that are names, references or placeholders are not reported.',
    fixable: true,
  },
  kinds: ['secret', 'webhook'],
  keywords: ['secret', 'token', 'key', 'cred', 'auth', 'hook', 'pat', 'psk', 'secure', 'noecho', 'sensitive'],
  message: (name, weak) =>
    weak
      ? `Weak default secret under "${name}". Use a generated secret from a secret store.`
      : `Hardcoded secret under "${name}". Reference it from a secret store or an environment variable.`,
});
