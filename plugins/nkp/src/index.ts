export { nkpPlugin as default } from './plugin';
