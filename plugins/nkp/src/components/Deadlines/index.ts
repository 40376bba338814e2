export { MyDeadlines } from './MyDeadlines';
export { GroupDeadlinesCard } from './GroupDeadlinesCard';
