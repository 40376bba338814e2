export { ReleaseCalendarView } from './ReleaseCalendarView';
