/**
 * The tests' `test`: every request that would leave this machine is refused, so no test depends on
 * (or reaches) Cal.com, a map site or any other third party. Third parties are local stand-ins.
 */
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

const OFF_MACHINE = /^(https?|wss?):\/\/(?!(127\.0\.0\.1|localhost)[:/])/;

export const test = base.extend({
  context: async ({ context }, use) => {
    await context.route(OFF_MACHINE, (route) => route.abort('blockedbyclient'));
    await use(context);
  },
});
