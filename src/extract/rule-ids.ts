// The catalogue of extraction rule ids. Every fact carries the id of the rule that made it in
// `evidence.rule`; ids are stable (stored in the graph), so rename only with a migration.

export const RULES = {
  entityLexicon: 'entity.lexicon',
  entitySuffixPark: 'entity.suffix-park',
  entitySuffixIndustry: 'entity.suffix-industry',
  entitySuffixPolicy: 'entity.suffix-policy',
  entityPolicyFrame: 'entity.policy-frame',
  entitySuffixOrganization: 'entity.suffix-organization',
  entitySuffixRegion: 'entity.suffix-region',
  entityQuotedProgramme: 'entity.quoted-programme',
  entityTitledDocument: 'entity.titled-document',
  entityEnumeration: 'entity.enumeration',
  entityZoneList: 'entity.zone-list',
  entityTransition: 'entity.transition-source',
  targetReach: 'target.reach',
  targetFloor: 'target.floor',
  targetCeiling: 'target.ceiling',
  targetApprox: 'target.approx',
  targetRange: 'target.range',
  targetGrowthRate: 'target.growth-rate',
  targetCount: 'target.count',
  targetRespectively: 'target.respectively',
  targetRatio: 'target.ratio',
  relExtendsTo: 'rel.extends-to',
  relIntegratesWith: 'rel.integrates-with',
  relHostsBase: 'rel.hosts',
  relHostsLead: 'rel.hosts-lead',
  relSupports: 'rel.supports',
  relSupportsNamed: 'rel.supports-named',
  relSupportsLead: 'rel.supports-lead',
  relSupportsListed: 'rel.supports-listed',
  relSupportsAdjacent: 'rel.supports-adjacent',
  relSupportsPurpose: 'rel.supports-purpose',
  relHostsNamed: 'rel.hosts-named',
  relContains: 'rel.contains',
  relPartOf: 'rel.part-of',
  relPartOfGroup: 'rel.part-of-group',
  relPartOfLead: 'rel.part-of-lead',
  relPartOfOpener: 'rel.part-of-opener',
  relPartOfZone: 'rel.part-of-zone',
  relPartOfRegion: 'rel.part-of-region',
  relCoOccurs: 'rel.co-occurs',
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];

export const ALL_RULE_IDS: readonly RuleId[] = Object.values(RULES);
