// Hover over a finding: what the rule is, why it matters, how sure it is, and a docs link.
import * as vscode from 'vscode';
import { docsPageOf, docsUrl, metaOf } from '../core/index';
import type { AnalysisController } from './analysis';

export class PlainsightHover implements vscode.HoverProvider {
  constructor(private readonly analysis: AnalysisController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.analysis.resultFor(document);
    if (!result) return undefined;
    const offset = document.offsetAt(position);
    const here = result.findings.filter((f) => f.start <= offset && offset <= f.end);
    if (here.length === 0) return undefined;
    const parts = here.map((f) => {
      const meta = metaOf(f.ruleId);
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**Plainsight · ${f.ruleId}** (${f.severity}, ${f.confidence} confidence)\n\n`);
      if (meta) md.appendMarkdown(`${meta.explanation}\n\n`);
      md.appendMarkdown(`[Rule documentation](${docsUrl(f.ruleId, docsPageOf(f.ruleId))})`);
      return md;
    });
    const first = here[0];
    return new vscode.Hover(parts, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }
}
