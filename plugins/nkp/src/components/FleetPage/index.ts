export { FleetPage } from './FleetPage';
export { FleetTable } from './FleetTable';
