// Where each rule's documentation lives. Every rule has a page beside its source file
// (`src/core/rules/<category>/<name>.md`); links are pinned to the released version.
import { VERSION, REPOSITORY } from './version';

export function docsUrl(ruleId: string, pageId = ruleId): string {
  return `${REPOSITORY}/blob/v${VERSION}/src/core/rules/${pageId}.md${pageId === ruleId ? '' : `#${ruleId.split('/')[1]}`}`;
}
