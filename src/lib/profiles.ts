/**
 * The clinic's profiles on other sites (`profiles` in `settings/<language>/clinic.yaml`) and the
 * address of the Google review form of a location (its `googlePlaceId`, src/content/locations/).
 */
import { PROFILES, type Profile } from '../schemas/clinic';
import type { ClinicData } from '../schemas/clinic';

/**
 * Google's form for writing a review of the place `placeId`, as Google's Business Profile help
 * gives it ("Create a link for customers to write reviews"): where /review/ and the card lead.
 */
export const reviewUrl = (placeId: string): string =>
  `https://search.google.com/local/writereview?placeid=${encodeURIComponent(placeId)}`;

/** The profiles the clinic has, in `PROFILES`' order: none for a profile not set. */
export function profileLinks(
  clinic: Pick<ClinicData, 'profiles'>,
): { profile: Profile; href: string }[] {
  return PROFILES.flatMap((profile) => {
    const href = clinic.profiles?.[profile];
    return href ? [{ profile, href }] : [];
  });
}
