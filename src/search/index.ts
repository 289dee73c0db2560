// The search stage's public face: search and ask use cases, their schemas, and the evaluation the
// eval script and tests share.
export { answerQuestion, ANSWER_MIN_CONFIDENCE, NOTHING_FOUND, parseAskRequest } from './answer-question.js';
export { parseSearchRequest, searchPassages } from './search-passages.js';
export type { SearchDeps } from './search-deps.js';
export * from './search-schemas.js';
