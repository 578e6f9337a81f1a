/** Reads the JSON-LD blocks of a page and runs the offline structured-data validator on them. */
import Validator from '@adobe/structured-data-validator';

export type JsonLd = Record<string, unknown> & { '@context'?: string; '@type'?: string };

export function jsonLdBlocks(html: string): JsonLd[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '') as JsonLd,
  );
}

export interface Issue {
  issueMessage: string;
  severity: 'ERROR' | 'WARNING';
  rootType: string;
}

/** Google rich-result checks from @adobe/structured-data-validator; runs offline. */
export async function validate(blocks: JsonLd[]): Promise<Issue[]> {
  const jsonld: Record<string, JsonLd[]> = {};
  for (const block of blocks) (jsonld[String(block['@type'])] ??= []).push(structuredClone(block));
  return (await new Validator().validate({
    jsonld,
    microdata: {},
    rdfa: {},
    errors: [],
  })) as Issue[];
}
