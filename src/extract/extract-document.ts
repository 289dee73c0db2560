// The extraction stage's entry point: a document's segmented passages in, its facts out. Pure: the
// same passages always give the same facts, in the same order.
import type { ExtractedDocument, SegmentedPassage } from '../model/index.js';
import { documentProfile } from './document-profile.js';
import { recogniseCandidates } from './recognise-entities.js';
import { resolveEntities } from './resolve-entities.js';
import { extractTargets } from './extract-targets.js';
import { documentTargetOptions, sectionContexts } from './target-context.js';
import { passageView } from './passage-view.js';
import { extractRelations } from './extract-relations.js';

export interface DocumentRef {
  id: string;
  title: string;
}

export function extractDocument(doc: DocumentRef, passages: SegmentedPassage[]): ExtractedDocument {
  const candidates = passages.map((p) => recogniseCandidates(p.text, p.tokens));
  const { entities, mentions, byPassage } = resolveEntities(doc.id, passages, candidates);
  const regionMentions = mentions.filter((m) => m.entityId.startsWith('Region:')).map((m) => m.entityId.slice('Region:'.length));
  const profile = documentProfile({ title: doc.title, passages, regionMentions });
  const targetOptions = documentTargetOptions(doc.title, passages, profile, entities);
  const sections = sectionContexts(passages, targetOptions.docYear);
  const targets = passages.flatMap((p, i) => extractTargets(p, byPassage[i]!, { docId: doc.id, section: sections[i]!, ...targetOptions }));
  const views = passages.map((p, i) => passageView(p, byPassage[i]!));
  const relations = extractRelations(views, entities, mentions);
  return { profile, entities, mentions, targets, relations };
}
