// `plainsight rules`: every rule id a finding can carry, for configuration and suppressions.
import { ALL_META, docsPageOf, docsUrl } from '../core/index';
import { stringFlag, type ParsedArgs } from './args';
import type { Command } from './command';
import { EXIT, type CliIO } from './io';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List every rule id with its category, default severity and title',
  help: `Usage: plainsight rules [--format text|json]

Lists every rule id a finding can carry, with its category, default severity and title. Use the
ids (or a category: secret, scope, transport) in the "rules" setting or in suppression comments.

Options:
  -f, --format FORMAT    text (default) or json
  -h, --help             show this help`,
  flags: { format: { value: true, short: 'f', choices: ['text', 'json'] } },
  run: async (args: ParsedArgs, io: CliIO) => {
    if (stringFlag(args, 'format') === 'json') {
      const rules = ALL_META.map((m) => ({
        id: m.id,
        category: m.category,
        defaultSeverity: m.defaultSeverity,
        confidence: m.confidence,
        fixable: m.fixable,
        title: m.title,
        helpUri: docsUrl(m.id, docsPageOf(m.id)),
      }));
      io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = [['RULE', 'CATEGORY', 'SEVERITY', 'TITLE'], ...ALL_META.map((m) => [m.id, m.category, m.defaultSeverity, m.title])];
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
    io.stdout(`${rows.map((row) => row.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n')}\n`);
    return EXIT.ok;
  },
};
