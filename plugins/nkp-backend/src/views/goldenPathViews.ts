/**
 * Shapes of the golden path's API: what the form may know of the configuration.
 */
import { NkpPrismCentralOption } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { NkpGoldenPathPrismCentral } from '@nkp-lifecycle/backstage-plugin-nkp-node';

/** A Prism Central as the browser gets it: names and lists, never the credentials Secret. */
export function prismCentralView(
  pc: NkpGoldenPathPrismCentral,
): NkpPrismCentralOption {
  return {
    name: pc.name,
    ...(pc.title ? { title: pc.title } : {}),
    url: pc.url,
    clusters: pc.clusters,
  };
}
