// @adobe/structured-data-validator ships no types; this is the part the tests use.
declare module '@adobe/structured-data-validator' {
  export default class Validator {
    constructor(schemaOrgJson?: unknown);
    validate(data: {
      jsonld: Record<string, unknown[]>;
      microdata: Record<string, unknown[]>;
      rdfa: Record<string, unknown[]>;
      errors: unknown[];
    }): Promise<unknown[]>;
  }
}
