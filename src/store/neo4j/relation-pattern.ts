// Relationship patterns between entities name the types they follow (the model's fixed list): an
// untyped expansion from a hub entity walks its thousands of MENTIONS and MEASURES first, only to
// filter them out (PROFILE: 1,803 relationships expanded for 107 kept).
import { RELATION_TYPES } from '../../model/index.js';

export const ENTITY_RELATIONS = RELATION_TYPES.join('|');
