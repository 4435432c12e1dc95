// secret/generic-password: a literal password under a name that says it is one (password,
// passwd, pwd, pass, passphrase), wherever the name comes from: a key, a `name:`/`value:` entry,
// a CloudFormation or ARM parameter, a `KEY=value` item, an assignment in user data or a script.
// References and placeholders are never reported; weak defaults (`changeme`) are warnings.
import { namedValueRule } from './named-rule';

export const genericPassword = namedValueRule({
  meta: {
    id: 'secret/generic-password',
    category: 'secret',
    title: 'Hardcoded password under a password-named key',
    defaultSeverity: 'error',
    confidence: 'medium',
    explanation:
      'A literal value sits under a name that says it is a password (`password`, `passwd`, `pwd`, `DB_PASS`, `MasterUserPassword`, a `- name: X_PASSWORD` env entry, a CloudFormation `NoEcho` or ARM `securestring` parameter default). Whoever reads the file, its history or a build log gets it. Reference the value from a secret store or an environment variable instead (`${{ secrets.NAME }}` in GitHub Actions, `${NAME}` in compose, `secretKeyRef` in Kubernetes, `{{resolve:secretsmanager:...}}` in CloudFormation). Well-known weak defaults such as `changeme` are reported at a lower severity, since they are usually demo values but dangerous when they reach production.',
    fixable: true,
  },
  kinds: ['password'],
  keywords: ['pass', 'pwd', 'pw', 'masterauth', 'secure', 'noecho', 'sensitive'],
  message: (name, weak) =>
    weak
      ? `Weak default password under "${name}". Use a generated secret from a secret store.`
      : `Hardcoded password under "${name}". Reference it from a secret store or an environment variable.`,
});
