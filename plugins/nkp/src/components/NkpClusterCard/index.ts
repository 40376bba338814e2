export { NkpClusterCard } from './NkpClusterCard';
