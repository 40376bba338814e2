export { PolicyStateLabel, describeDeadline } from './PolicyStateLabel';
export { stateColor, stateTextColor } from './stateColors';
