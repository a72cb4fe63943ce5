export { ChangesTable } from './ChangesTable';
