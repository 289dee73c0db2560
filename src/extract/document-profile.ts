// What a document is (GUIDELINES "Document"): region, issuer, date, genre and plan period, read from
// its title and opening lines. Pure.
import type { DocumentProfile, SegmentedPassage } from '../model/index.js';

export function documentProfile(_title: string, _passages: SegmentedPassage[]): DocumentProfile {
  return {};
}
