// Where a JSON pointer lands in the text of a descriptor, so that validation issues can name a line and column too.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { DescriptorIssue } from "./errors";

function unescapeToken(token: string): string {
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Adds `line` and `column` (1-based) to issues whose pointer can be found in `text` (YAML, or JSON, which the YAML
 * parser reads too). Issues keep their pointer and message; ones that cannot be located are returned unchanged.
 */
export function locateIssues(text: string, issues: DescriptorIssue[]): DescriptorIssue[] {
  if (issues.length === 0) return issues;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    let node: unknown = doc.contents;
    const tokens = issue.pointer === "" ? [] : issue.pointer.split("/").slice(1).map(unescapeToken);
    for (const token of tokens) {
      const next: unknown = isMap(node)
        ? node.get(token, true)
        : isSeq(node)
          ? node.get(Number(token), true)
          : undefined;
      if (next === undefined || next === null) break;
      node = next;
    }
    const range = (node as Node | null | undefined)?.range;
    if (!range) return issue;
    const { line, col } = lineCounter.linePos(range[0]);
    return { ...issue, line, column: col };
  });
}
