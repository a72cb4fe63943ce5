export { RepoFactsList } from './RepoFactsList';
