export { DoraReferenceTable } from './DoraReferenceTable';
