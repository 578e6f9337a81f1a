/**
 * Markdown → plain text, for places that take text only (structured data for search engines):
 * links keep their words, emphasis and list marks go, paragraphs become single lines.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/^[ \t]*(#{1,6}|[-*+]|\d+\.)[ \t]+/gm, '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
