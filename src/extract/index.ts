// The extraction stage's public surface.
export { extractDocument, type DocumentRef } from './extract-document.js';
export { recogniseEntities, recogniseCandidates, type RecognisedEntity } from './recognise-entities.js';
export { canonicalName, industryKey } from './canonical-name.js';
export { isGenericName, GENERIC_WORDS } from './generic-names.js';
export { parseEntityTag, type EntityTag } from './entity-tag.js';
export { RULES, ALL_RULE_IDS, type RuleId } from './rule-ids.js';
