// Runs secretlint with its recommended preset over the same files, in this process through its
// Node API, for a baseline on the secret category. Its messages are reduced to file and line here;
// their text (masked by secretlint anyway) is never printed.
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const PRESET = '@secretlint/secretlint-rule-preset-recommend';

export async function runSecretlint(root, files) {
  const { runSecretLint } = await import('secretlint');
  const require = createRequire(import.meta.url);
  const version = require('secretlint/package.json').version;
  const started = performance.now();
  const { stdout, stderr } = await runSecretLint({
    cliOptions: { cwd: root, filePathOrGlobList: files.map((f) => join(root, f)) },
    engineOptions: { formatter: 'json', color: false, maskSecrets: true, configFileJSON: { rules: [{ id: PRESET }] } },
  });
  if (stderr) throw stderr;
  const findings = [];
  for (const result of JSON.parse(stdout ?? '[]')) {
    const file = relative(root, result.filePath).split('\\').join('/');
    for (const m of result.messages) findings.push({ file, category: 'secret', line: m.loc.start.line, ruleId: m.ruleId, confidence: 'n/a', severity: m.severity });
  }
  return { findings, ms: performance.now() - started, version };
}
