// The one canonicaliser lives in -node, shared with the source modules;
// this path stays only for the benchmark scripts that still import it.
export {
  canonicalEntityKind,
  canonicalEntityRef,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
