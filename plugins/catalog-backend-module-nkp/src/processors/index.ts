export { NkpEntityOriginProcessor } from './NkpEntityOriginProcessor';
