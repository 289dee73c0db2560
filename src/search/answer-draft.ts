// What each answerer proposes; answerQuestion picks one and adds the understanding and the embedder.
import type { AnswerKind, Citation, ListItem, TargetFact } from './search-schemas.js';

export interface AnswerDraft {
  kind: Exclude<AnswerKind, 'none'>;
  answer: string;
  /** The shortest text that answers (a number with its unit, a name, a list), when narrower than the answer. */
  span?: string;
  /** 0..1, from how well the facts match the question. */
  confidence: number;
  citations: Citation[];
  targets?: TargetFact[];
  items?: ListItem[];
}
