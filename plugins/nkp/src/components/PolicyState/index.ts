export { PolicyStateLabel, describeDeadline } from './PolicyStateLabel';
