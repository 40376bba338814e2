/***/
/**
 * The nkp backend module for the catalog plugin.
 *
 * @packageDocumentation
 */

export { catalogModuleNkp as default } from './module';
