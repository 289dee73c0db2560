// Canonical names that depend on the name alone (so two documents agree on an entity's id):
// lexicon aliases, and industries written with or without 产业 (新一代信息技术 → 新一代信息技术产业).
import type { EntityType } from '../model/index.js';

/** Industry names that are complete without 产业 (…经济, …业, …链). */
const COMPLETE_INDUSTRY = /(产业|业|经济|产业链|集群|制造|装备|贸易|旅游|电商|金融|物流)$/;

/** The grouping key of an industry: the name without a trailing 产业 or 业 (矿业 and 矿产业 are one). */
export function industryKey(name: string): string {
  const stem = name.replace(/(产业|业)$/, '');
  return stem.length >= 1 ? stem : name;
}

export function canonicalName(type: EntityType, name: string, lexiconCanonical?: string): string {
  let base = (lexiconCanonical ?? name).replace(/[“”"'‘’\s]/g, '');
  if (type === 'Industry' && !COMPLETE_INDUSTRY.test(base)) return base + '产业';
  // a plan's edition or draft note is not part of its identity: 行动计划（2021-2023年）, 纲要（草案）
  if (type === 'Policy') base = base.replace(/[（(][^（()）]*[）)]$/, '') || base;
  return base;
}
