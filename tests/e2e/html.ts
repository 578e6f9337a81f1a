/** html-validate's recommended rules, as the built pages are checked against them. */
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro's scoped-style attributes and prettier-formatted markup are not errors.
    'no-inline-style': 'off',
    'attribute-empty-style': 'off',
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    'long-title': 'off',
    // Phone links are styled white-space: nowrap, so the number never breaks; the text keeps
    // plain spaces and hyphens, which screen readers and copy-paste handle best.
    'tel-non-breaking': 'off',
  },
});

/** The errors html-validate finds in a built page, as `rule: message (line n)`. */
export async function htmlErrors(html: string, file: string): Promise<string[]> {
  const report = await validator.validateString(html, file);
  return report.results.flatMap(({ messages }) =>
    messages
      .filter((message) => message.severity === 2)
      .map((message) => `${message.ruleId}: ${message.message} (line ${message.line})`),
  );
}
