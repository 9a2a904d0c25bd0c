/**
 * Markdown as the plain lines a snippet is cut from: no headings' `#`, emphasis, code fences, link
 * targets or HTML comments (the internal-notes marker among them). Lines kept, blank ones dropped.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[^\n]*\n/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/, '')
        .replace(/[*_`~]+/g, '')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}
