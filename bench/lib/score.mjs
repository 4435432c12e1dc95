// Scores findings against corpus labels (semantics in the corpus's SOURCES.md):
//  - a true label is found when a finding of its category starts inside its `lines` range
//    ([first, last], 1-based); a file-level label (`lines: null`) by any finding of the category;
//  - a finding is correct when it matches a `true` or `"may"` label the same way, else it is a
//    false positive;
//  - clean files for a category are those with a file-level `expect: false` label for it or `any`.
// A finding here is { file, category, line (1-based start line), ruleId, confidence }.

export const CATEGORIES = ['secret', 'scope', 'transport'];

const covers = (label, line) => label.lines == null || (line >= label.lines[0] && line <= label.lines[1]);
const isPositive = (label) => label.expect === true || label.expect === 'may';

function groupByFile(items) {
  const map = new Map();
  for (const item of items) {
    const list = map.get(item.file);
    if (list) list.push(item);
    else map.set(item.file, [item]);
  }
  return map;
}

/** Marks each finding `matched` (true/may label) and returns per-label results; computed once, sliced later. */
export function match(labels, findings) {
  const labelsByFile = groupByFile(labels);
  const findingsByFile = groupByFile(findings);
  const judged = findings.map((f) => ({
    ...f,
    matched: (labelsByFile.get(f.file) ?? []).some((l) => l.category === f.category && isPositive(l) && covers(l, f.line)),
    onForbiddenLine: (labelsByFile.get(f.file) ?? []).some((l) => l.category === f.category && l.expect === false && l.lines != null && covers(l, f.line)),
  }));
  const truths = labels
    .filter((l) => l.expect === true)
    .map((l) => ({ ...l, found: (findingsByFile.get(l.file) ?? []).some((f) => f.category === l.category && covers(l, f.line)) }));
  const clean = new Map(CATEGORIES.map((c) => [c, new Set()]));
  for (const l of labels) {
    if (l.expect !== false || l.lines != null) continue;
    for (const c of l.category === 'any' ? CATEGORIES : [l.category]) clean.get(c)?.add(l.file);
  }
  return { findings: judged, truths, clean };
}

/** Figures for one category over the files `keep` accepts (all by default). */
export function summarize(matched, category, keep = () => true) {
  const truths = matched.truths.filter((l) => l.category === category && keep(l.file));
  const findings = matched.findings.filter((f) => f.category === category && keep(f.file));
  const falsePositives = findings.filter((f) => !f.matched);
  const cleanFiles = [...matched.clean.get(category)].filter(keep);
  const cleanSet = new Set(cleanFiles);
  const fpInClean = falsePositives.filter((f) => cleanSet.has(f.file));
  return {
    trueLabels: truths.length,
    found: truths.filter((l) => l.found).length,
    recall: ratio(truths.filter((l) => l.found).length, truths.length),
    findings: findings.length,
    correct: findings.length - falsePositives.length,
    falsePositives: falsePositives.length,
    precision: ratio(findings.length - falsePositives.length, findings.length),
    onForbiddenLines: findings.filter((f) => f.onForbiddenLine).length,
    cleanFiles: cleanFiles.length,
    fpInClean: fpInClean.length,
    cleanFilesFlagged: new Set(fpInClean.map((f) => f.file)).size,
    fpPer100Clean: cleanFiles.length ? (100 * fpInClean.length) / cleanFiles.length : null,
  };
}

/** Recall of true labels of one category and tier. */
export function recallOfTier(matched, category, tier) {
  const truths = matched.truths.filter((l) => l.category === category && l.tier === tier);
  const found = truths.filter((l) => l.found).length;
  return { trueLabels: truths.length, found, recall: ratio(found, truths.length) };
}

/** Per rule id: how many findings, how many matched a label. */
export function byRule(matched) {
  const rules = new Map();
  for (const f of matched.findings) {
    const r = rules.get(f.ruleId) ?? { ruleId: f.ruleId, category: f.category, findings: 0, correct: 0 };
    r.findings++;
    if (f.matched) r.correct++;
    rules.set(f.ruleId, r);
  }
  return [...rules.values()].map((r) => ({ ...r, falsePositives: r.findings - r.correct, precision: ratio(r.correct, r.findings) })).sort((a, b) => b.falsePositives - a.falsePositives || b.findings - a.findings);
}

/** Precision of one category's findings split by the confidence the rules gave them. */
export function byConfidence(matched, category) {
  return ['high', 'medium', 'low'].map((confidence) => {
    const findings = matched.findings.filter((f) => f.category === category && f.confidence === confidence);
    const correct = findings.filter((f) => f.matched).length;
    return { confidence, findings: findings.length, correct, precision: ratio(correct, findings.length) };
  });
}

function ratio(part, whole) {
  return whole ? part / whole : null;
}

export const topFolder = (file) => file.split('/')[0];
