/**
 * Matching CCG names as sources write them to the registry's names: "NHS Great Yarmouth & Waveney",
 * "NHS Great Yarmouth and Waveney CCG" and "Great Yarmouth and Waveney Clinical Commissioning Group"
 * are the same CCG. Whole names only: "Somerset" never matches "North Somerset".
 */

/** Lower case, "&" as "and", without "NHS", "CCG" or "Clinical Commissioning Group", punctuation as spaces. */
export function normaliseCcgName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^nhs /, '')
    .replace(/ (ccg|clinical commissioning group)$/, '')
    .trim();
}

/** The CCGs (by index in `ccgs`) whose normalised name equals `name`'s. */
export function matchCcgName(name: string, ccgs: readonly { readonly name: string }[]): number[] {
  const target = normaliseCcgName(name);
  return ccgs.flatMap((c, i) => (normaliseCcgName(c.name) === target ? [i] : []));
}
