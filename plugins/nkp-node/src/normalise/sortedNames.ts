/**
 * Names sorted in place, in code-point order (as `Array#sort` without a comparator). Names that
 * are in order already (a label index hands back its clusters in the order they were added,
 * which is by name) are handed back as they are: `Array#sort` costs microseconds to set up even
 * for two names, and placement sorts a list per project.
 */
export function sortedNames(names: string[]): string[] {
  for (let i = 1; i < names.length; i++) {
    if (names[i - 1] > names[i]) {
      return names.sort();
    }
  }
  return names;
}
