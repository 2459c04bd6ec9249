import { loaderKey } from '../graphql-context/loaders.js';
import type { AlignmentNode } from './alignment-node.entity.js';

export const ALIGNMENT_NODE = loaderKey<AlignmentNode | null>('alignmentNode', null);
