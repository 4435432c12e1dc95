// secret/dotenv-high-entropy: a `.env` file holds configuration and secrets side by side, often
// under names that say nothing (`MIMI=...`, `SIGNING=...`). A value that looks generated (long,
// high in entropy, mixing cases and digits, not a hex digest or a UUID) is most likely a secret.
// Less certain than a named secret, so it is a warning; secret-named values are left to the
// generic rules.
import type { Rule } from '../../rule';
import { isScalar } from '../../parse/model';
import { secretKeyKind } from './keys';
import { isReference, looksGenerated } from './values';
import { dotenvExposureAllows } from './exposure';

export const dotenvHighEntropy: Rule = {
  meta: {
    id: 'secret/dotenv-high-entropy',
    category: 'secret',
    title: 'Generated-looking value in a committed .env file',
    defaultSeverity: 'warning',
    confidence: 'low',
    explanation:
      'A value in a `.env` file looks generated (long, high in entropy, mixed case and digits) although its name does not say what it is. Such values are nearly always keys or tokens. A `.env` file with real values belongs in `.gitignore` (then nothing is reported); commit a `.env.example` with placeholders instead.',
    // The editor's quick fix and `plainsight fix --move-secrets` add the file to .gitignore (fix/ignore-dotenv.ts).
    fixable: true,
  },
  kinds: ['dotenv'],
  visitPair(ctx, pair, path) {
    const value = pair.value;
    if (!isScalar(value) || value.type !== 'string' || !dotenvExposureAllows(ctx.file)) return;
    if (secretKeyKind(pair.key.value)) return;
    const v = value.value.trim();
    if (!looksGenerated(v) || isReference(v) || ctx.file.options.allowedValues.includes(v)) return;
    const from = value.value.indexOf(v);
    ctx.report({
      ...ctx.rangeIn(value, from, from + v.length),
      path,
      message: `The value of "${pair.key.value}" looks like a generated secret. Keep real secrets out of committed files.`,
    });
  },
};
