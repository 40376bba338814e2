/**
 * Phrases the rules' reasons share, so that the same fact reads the same in every rule, on the
 * cluster card, in notifications and in the CLI.
 */
import { plural } from '../../text/plural';

/** `no Kubernetes version known` for a missing one, `Kubernetes version 'x' is unreadable` otherwise. */
export function versionUnknown(
  kind: 'Kubernetes' | 'NKP',
  value: string | undefined,
): string {
  return value === undefined || value.trim() === ''
    ? `no ${kind} version known`
    : `${kind} version '${value}' is unreadable`;
}

/** `1 minor behind`, `2 minors behind`, or `on the same minor as` for none. */
export function minorsBehindText(behind: number): string {
  return behind <= 0
    ? 'on the same minor as'
    : `${plural(behind, 'minor')} behind`;
}

/** The phrase with its first letter upper-cased, to open a reason. */
export function sentence(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
