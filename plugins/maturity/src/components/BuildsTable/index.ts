export { BuildsTable } from './BuildsTable';
