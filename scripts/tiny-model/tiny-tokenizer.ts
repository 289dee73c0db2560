// A BERT WordPiece tokenizer in the Hugging Face `tokenizer.json` format, with a character-level
// vocabulary: special tokens, lower-case ASCII (with `##` continuations so English words split into
// characters instead of becoming [UNK]), common punctuation and the whole CJK Unified Ideographs block,
// which BertNormalizer isolates one character per word — so any Chinese text tokenises.

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const ASCII_ALNUM = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const ASCII_PUNCT = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const CJK_PUNCT = [...'，。、；：？！「」『』（）《》〈〉【】“”‘’—…·％'];
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;

export function tinyVocabulary(): string[] {
  const han: string[] = [];
  for (let cp = HAN_FIRST; cp <= HAN_LAST; cp++) han.push(String.fromCodePoint(cp));
  return [...SPECIAL_TOKENS, ...ASCII_ALNUM, ...ASCII_ALNUM.map((c) => `##${c}`), ...ASCII_PUNCT, ...CJK_PUNCT, ...han];
}

export interface TokenizerFiles {
  tokenizer: Record<string, unknown>;
  tokenizerConfig: Record<string, unknown>;
}

export function tinyTokenizer(vocab: readonly string[], maxLength: number): TokenizerFiles {
  const ids = new Map(vocab.map((token, id) => [token, id]));
  const idOf = (token: string): number => ids.get(token)!;
  const special = (token: string) => ({ id: token, ids: [idOf(token)], tokens: [token] });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: idOf(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100,
      vocab: Object.fromEntries(ids),
    },
  };
  // transformers.js computes min(batch length, model_max_length): without it padding yields NaN lengths.
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    model_max_length: maxLength,
    do_lower_case: true,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
  return { tokenizer, tokenizerConfig };
}
