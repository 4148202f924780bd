// A patient's profile as a small embedding, computed here from the starter kit's attributes, so
// that "patients with a similar profile" is a TigerGraph vector search (cosine): age, sex and how
// the patient was infected, each a few coordinates of equal weight.

/** The vector attribute on Patient that holds the profile, and its size. */
export const PROFILE_ATTRIBUTE = 'profile';
export const PROFILE_DIMENSION = 6;

/** The attributes the profile reads (a listing can select just these). */
export const PROFILE_SOURCES = ['birth_year', 'sex', 'infection_case'] as const;

/** The year the dataset's ages are counted at (the starter kit's data is from 2020). */
const AGE_YEAR = 2020;

/** How a patient was infected, in three groups (unknown and the named clusters are "other"). */
function caseGroup(infectionCase: unknown): [number, number, number] {
  const text = typeof infectionCase === 'string' ? infectionCase.toLowerCase() : '';
  if (text.includes('overseas')) return [1, 0, 0];
  if (text.includes('contact')) return [0, 1, 0];
  return [0, 0, 1];
}

/**
 * `[age, male, female, overseas, contact, other]`: age as a fraction of 100 years (0.5 when the
 * birth year is unknown), sex one-hot (0.5 each when unknown), the infection route one-hot.
 *
 * @example
 * patientProfile({ birth_year: 1964, sex: 'male', infection_case: 'overseas inflow' }); // [0.56, 1, 0, 1, 0, 0]
 */
export function patientProfile(attributes: Record<string, unknown>): number[] {
  const born = Number(attributes['birth_year']);
  const age = Number.isInteger(born) && born > 1900 && born <= AGE_YEAR ? (AGE_YEAR - born) / 100 : 0.5;
  const sex = String(attributes['sex'] ?? '').toLowerCase();
  const [male, female] = sex === 'male' ? [1, 0] : sex === 'female' ? [0, 1] : [0.5, 0.5];
  return [Math.round(age * 100) / 100, male, female, ...caseGroup(attributes['infection_case'])];
}
