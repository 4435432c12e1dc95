#!/usr/bin/env node
// Accuracy of the Plainsight engine on the labelled corpus, per category, corpus folder and tier,
// with secretlint's recommended preset as a baseline for secrets.
//
//   npm run bench:accuracy -- <corpus-dir> [--labels labels.jsonl] [--json out.json] [--details] [--no-secretlint]
//
// <corpus-dir> is the shared corpus folder (files.tar.gz, unpack.sh, labels.jsonl), unpacked into
// a temporary folder first, or an already unpacked folder. Exit 2 when the corpus is missing.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusError, EXPECTED, locateCorpus, readLabels } from './lib/corpus.mjs';
import { loadCore, runPlainsight } from './lib/plainsight.mjs';
import { runSecretlint } from './lib/secretlint.mjs';
import { CATEGORIES, byConfidence, byRule, match, recallOfTier, summarize, topFolder } from './lib/score.mjs';
import { fraction, pct, per100, table } from './lib/table.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run bench:accuracy -- <corpus-dir> [--labels labels.jsonl] [--json out.json] [--details] [--no-secretlint]';

function parseArgs(argv) {
  const options = { corpus: undefined, labels: undefined, json: undefined, details: false, secretlint: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--labels' || arg === '--json') {
      if (!argv[i + 1]) throw new CorpusError(`${arg} needs a value\n${USAGE}`);
      options[arg.slice(2)] = argv[++i];
    } else if (arg === '--details') options.details = true;
    else if (arg === '--no-secretlint') options.secretlint = false;
    else if (arg.startsWith('-')) throw new CorpusError(`unknown option ${arg}\n${USAGE}`);
    else if (options.corpus === undefined) options.corpus = arg;
    else throw new CorpusError(`unexpected argument ${arg}\n${USAGE}`);
  }
  if (!options.corpus) throw new CorpusError(`no corpus folder given\n${USAGE}\n${EXPECTED}`);
  return options;
}

function categoryRows(matched, keep) {
  return CATEGORIES.map((category) => {
    const s = summarize(matched, category, keep);
    return [category, pct(s.recall), fraction(s.found, s.trueLabels), pct(s.precision), fraction(s.correct, s.findings), s.falsePositives, s.cleanFiles, s.fpInClean, per100(s.fpPer100Clean)];
  });
}
const CATEGORY_HEADERS = ['category', 'recall', 'found', 'precision', 'correct', 'FP', 'clean files', 'FP in clean', 'FP/100 clean'];

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { root, labelsFile, unpacked } = locateCorpus(options.corpus, options.labels);
  try {
    const labels = readLabels(labelsFile);
    const files = [...new Set(labels.map((l) => l.file))].sort();
    const missing = files.filter((f) => !existsSync(join(root, f)));
    if (missing.length) throw new CorpusError(`${missing.length} labelled files are missing under ${root}, e.g. ${missing[0]}\n${EXPECTED}`);

    const core = await loadCore(REPO);
    const ours = runPlainsight(core, root, files);
    const matched = match(labels, ours.findings);
    const folders = [...new Set(files.map(topFolder))].sort();
    const out = [];
    const print = (text = '') => out.push(text) && console.log(text);

    print(`Plainsight ${ours.version} on ${files.length} files (${(ours.bytes / 1024).toFixed(0)} KiB) in ${ours.ms.toFixed(0)} ms; ${ours.findings.length} findings, ${ours.skipped} files skipped, ${ours.parseErrors} with parse errors`);
    print(`labels: ${labelsFile}\n`);
    print(table(CATEGORY_HEADERS, categoryRows(matched)));

    print('\nRecall by tier');
    print(table(['category', 'tier', 'recall', 'found'], CATEGORIES.flatMap((c) => ['core', 'extended'].map((t) => recallOfTier(matched, c, t)).map((r, i) => [c, i ? 'extended' : 'core', pct(r.recall), fraction(r.found, r.trueLabels)]).filter((row) => row[3] !== '–'))));

    print('\nPrecision by confidence');
    print(table(['category', 'confidence', 'precision', 'correct'], CATEGORIES.flatMap((c) => byConfidence(matched, c).filter((r) => r.findings).map((r) => [c, r.confidence, pct(r.precision), fraction(r.correct, r.findings)]))));

    print('\nBy corpus folder');
    print(table(['folder', ...CATEGORY_HEADERS], folders.flatMap((folder) => categoryRows(matched, (file) => topFolder(file) === folder).map((row) => [folder, ...row]))));

    const rules = byRule(matched);
    print('\nBy rule (sorted by false positives)');
    print(table(['rule', 'findings', 'correct', 'FP', 'precision'], rules.map((r) => [r.ruleId, r.findings, r.correct, r.falsePositives, pct(r.precision)])));

    const result = { plainsight: { version: ours.version, ms: ours.ms, files: files.length, skipped: ours.skipped, parseErrors: ours.parseErrors, categories: {}, tiers: {}, folders: {}, rules } };
    for (const c of CATEGORIES) {
      result.plainsight.categories[c] = summarize(matched, c);
      result.plainsight.confidence = { ...result.plainsight.confidence, [c]: byConfidence(matched, c) };
      result.plainsight.tiers[c] = { core: recallOfTier(matched, c, 'core'), extended: recallOfTier(matched, c, 'extended') };
      result.plainsight.folders[c] = Object.fromEntries(folders.map((folder) => [folder, summarize(matched, c, (file) => topFolder(file) === folder)]));
    }
    result.plainsight.missed = matched.truths.filter((l) => !l.found).map(({ file, lines, category, tier, source, note }) => ({ file, lines, category, tier, source, note }));
    result.plainsight.falsePositives = matched.findings.filter((f) => !f.matched).map(({ file, line, category, ruleId, confidence }) => ({ file, line, category, ruleId, confidence }));

    if (options.details) {
      print('\nMissed true labels');
      for (const m of result.plainsight.missed) print(`  ${m.category.padEnd(9)} ${m.file}:${m.lines ? m.lines.join('-') : '(file)'}  ${m.source}${m.note ? `  ${m.note}` : ''}`);
      print('\nFalse positives');
      for (const f of result.plainsight.falsePositives) print(`  ${f.category.padEnd(9)} ${f.file}:${f.line}  ${f.ruleId} (${f.confidence})`);
    }

    if (options.secretlint) {
      const theirs = await runSecretlint(root, files);
      const matchedTheirs = match(labels, theirs.findings);
      print(`\nSecrets: Plainsight vs secretlint ${theirs.version} (preset-recommend, ${theirs.ms.toFixed(0)} ms)`);
      const rows = [undefined, ...folders].flatMap((folder) => {
        const keep = folder ? (file) => topFolder(file) === folder : undefined;
        return [
          ['plainsight', ours.version, matched],
          ['secretlint', theirs.version, matchedTheirs],
        ].map(([tool, , m]) => {
          const s = summarize(m, 'secret', keep);
          return [folder ?? 'all', tool, pct(s.recall), fraction(s.found, s.trueLabels), pct(s.precision), fraction(s.correct, s.findings), s.falsePositives, per100(s.fpPer100Clean)];
        });
      });
      print(table(['folder', 'tool', 'recall', 'found', 'precision', 'correct', 'FP', 'FP/100 clean'], rows));
      result.secretlint = {
        version: theirs.version,
        ms: theirs.ms,
        secret: summarize(matchedTheirs, 'secret'),
        folders: Object.fromEntries(folders.map((folder) => [folder, summarize(matchedTheirs, 'secret', (file) => topFolder(file) === folder)])),
      };
    }

    if (options.json) {
      writeFileSync(resolve(options.json), `${JSON.stringify(result, null, 2)}\n`);
      console.log(`\nwrote ${options.json}`);
    }
  } finally {
    if (unpacked) rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  if (error instanceof CorpusError) {
    console.error(`bench:accuracy: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
