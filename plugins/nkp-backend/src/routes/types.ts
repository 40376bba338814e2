import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi';

/** The router of `/api/nkp`, typed from the OpenAPI document: paths, parameters, bodies, answers. */
export type NkpApiRouter = ApiRouter<typeof spec>;
