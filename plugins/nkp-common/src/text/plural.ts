/**
 * Counts in words, the one way every reason and label spells them: `1 minor`, `2 minors`.
 */

/**
 * `count` followed by the singular or the plural of a noun: `plural(1, 'minor')` is `1 minor`,
 * `plural(2, 'minor')` is `2 minors`, `plural(2, 'entry', 'entries')` is `2 entries`.
 *
 * @public
 */
export function plural(
  count: number,
  singular: string,
  pluralForm: string = `${singular}s`,
): string {
  return `${count} ${Math.abs(count) === 1 ? singular : pluralForm}`;
}
