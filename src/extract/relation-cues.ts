// The relation rules' cue words (graph/rules/relations.json), read once, and the few matchers the
// rules share: a verb after a position (adverbs allowed before it), a verb right before a position.
import { readRuleFile } from './rule-files.js';

interface CueFile {
  [group: string]: { words?: string[]; before?: string[]; after?: string[]; numerals?: string; counters?: string[]; opens?: string[]; makes?: string[]; bases?: string[] };
}

const file = readRuleFile('relations.json') as CueFile;

function words(group: string, key: 'words' | 'before' | 'after' | 'counters' | 'opens' | 'makes' | 'bases' = 'words'): string[] {
  const list = file[group]?.[key];
  if (!Array.isArray(list)) throw new Error(`graph/rules/relations.json: ${group}.${key} is missing`);
  return list;
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation that tries longer words first. */
const alt = (list: string[]): string => [...list].sort((a, b) => b.length - a.length).map(escape).join('|');

const ADVERBS = alt(words('adverbs'));
const OPEN_QUOTE = '[“"「《‘]?';

const after = (verbs: string[]): RegExp => new RegExp(`^(?:${ADVERBS}|[和、与并])*(?:${alt(verbs)})`);
/** A quantifier a name drops may stand between the verb and the name (实施新一轮X行动). */
const DROPPED_QUANTIFIER = '(?:新一轮|新一批|一批|一系列)?';
const before = (verbs: string[]): RegExp => new RegExp(`(?:${alt(verbs)})(?:(?:和|与|并|、)(?:${alt(verbs)}))?(?:${ADVERBS})*${DROPPED_QUANTIFIER}${OPEN_QUOTE}$`);

export const CUES = {
  policyVerbBefore: before(words('policyVerbs')),
  supportVerbAfter: after(words('supportVerbs')),
  supportVerb: new RegExp(alt(words('supportVerbs'))),
  supportFor: new RegExp(alt(words('supportFor', 'before'))),
  supportForAfter: new RegExp(`^[”"」》’]?(?:${alt(words('supportFor', 'after'))})`),
  leadVerb: new RegExp(alt(words('leadVerbs'))),
  hostVerbAfter: after(words('hostVerbs')),
  hostClauseEnd: new RegExp(`(?:${alt(words('hostClauseEnds'))})[”"」]?$`),
  baseRoleAfter: new RegExp(`^(?:建设|发展)?为(?:${alt(words('baseRoles'))})`),
  mainBaseAfter: new RegExp(`^为(?:${alt(words('mainBaseRoles'))})`),
  extendVerbAnywhere: new RegExp(alt(words('extendVerbs'))),
  extendFrom: new Set(words('extendFrom')),
  integrateVerb: new RegExp(alt(words('integrateVerbs')), 'g'),
  integrateConnector: new RegExp(`^(?:${alt(words('integrateConnectors'))})$`),
  listSeparator: new RegExp(`^(?:${alt(words('listSeparators'))})$`),
  groupMarkers: new RegExp(`^(?:${alt(words('groupMarkers'))})*$`),
  groupCount: new RegExp(`^[${file.groupCounter?.numerals ?? ''}]+(?:${alt(words('groupCounter', 'counters'))})`),
  groupHead: new RegExp(alt(words('groupHeads'))),
  leadMembersAfter: new RegExp(`^[，,：:；;]?(?:${ADVERBS})*(?:${alt(words('leadMembers'))})[：:]?`),
  subZone: new RegExp(`(?:${alt(words('subZoneSuffixes'))})$`),
  modifierAfter: new RegExp(`^[”"」]?(?:${alt(words('modifierNouns'))})`),
  purposeOpen: new RegExp(`^\\s*(?:${alt(words('purpose', 'opens'))})`),
  purposeMakes: new RegExp(`(?:${alt(words('purpose', 'makes'))})了?[《“"]?$`),
  purposeBase: new RegExp(`^\\s*(?:${alt(words('purpose', 'bases'))})`),
  nameAimAfter: new RegExp(`^(?:${alt(words('nameAims'))})`),
} as const;
