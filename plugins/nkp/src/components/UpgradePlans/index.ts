export { UpgradePlansView, UpgradePlanList } from './UpgradePlansView';
export { UpgradePlanCard } from './UpgradePlanCard';
