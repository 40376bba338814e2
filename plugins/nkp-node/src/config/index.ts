export {
  DEFAULT_NKP_OWNER,
  NKP_SOURCES_CONFIG_KEY,
  readNkpSourceConfig,
  readNkpSourceConfigs,
  readNkpSourceSettings,
} from './readNkpSourceConfig';
export type { NkpSourceConfig, NkpSourceSettings } from './readNkpSourceConfig';
export { readKubernetesConnection } from './readApiConfig';
export type { NkpApiConfig, NkpApiEndpoint } from './readApiConfig';
export { readGoldenPathConfig } from './readGoldenPathConfig';
export type { NkpGoldenPathConfig } from './readGoldenPathConfig';
