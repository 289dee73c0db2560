// What each answerer proposes; answerQuestion picks one and adds the understanding and the embedder.
import type { AnswerKind, Citation, ListItem, TargetFact } from './search-schemas.js';

export interface AnswerDraft {
  kind: Exclude<AnswerKind, 'none'>;
  answer: string;
  /** 0..1, from how well the facts match the question. */
  confidence: number;
  citations: Citation[];
  targets?: TargetFact[];
  items?: ListItem[];
}
