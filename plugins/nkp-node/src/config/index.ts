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
export {
  DEFAULT_GOLDEN_PATH_SIZES,
  NKP_GOLDEN_PATH_CONFIG_KEY,
  readGoldenPathConfig,
} from './readGoldenPathConfig';
export type {
  NkpGoldenPathConfig,
  NkpGoldenPathPrismCentral,
  NkpGoldenPathRelease,
} from './readGoldenPathConfig';
