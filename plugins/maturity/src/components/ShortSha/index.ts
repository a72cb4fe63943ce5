export { ShortSha } from './ShortSha';
