export { FleetOverview } from './FleetOverview';
export { StateBar } from './StateBar';
