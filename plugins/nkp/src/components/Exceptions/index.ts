export { ExceptionsView } from './ExceptionsView';
export { RequestExceptionDialog } from './RequestExceptionDialog';
export { ExceptionStatusLabel } from './ExceptionStatusLabel';
