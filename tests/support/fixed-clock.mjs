// Loaded with `node --import` before a build, to build as if at the instant FIXED_NOW (ISO 8601):
// `Date.now()` and `new Date()` give that instant; dates from values, timers and `performance`
// are the real ones. The build then finds "today in the clinic's time zone" as it would at that
// instant, without SITE_DATE, as the daily rebuild does (tests/unit/closures-build.test.ts).
const fixed = Date.parse(process.env.FIXED_NOW ?? '');
if (Number.isNaN(fixed)) throw new Error(`FIXED_NOW=${process.env.FIXED_NOW}: not an ISO instant`);

const RealDate = Date;
class FixedDate extends RealDate {
  /** @param {ConstructorParameters<DateConstructor>} args */
  constructor(...args) {
    if (args.length === 0) super(fixed);
    else super(...args);
  }

  static now() {
    return fixed;
  }
}
globalThis.Date = FixedDate;
