// Normalises document text for matching while keeping every offset meaningful: each mapping is
// one UTF-16 unit to one, so an offset into the normalised text is an offset into the original.

const FULLWIDTH_START = 0xff01; // ！
const FULLWIDTH_END = 0xff5e; // ～
const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII we fold to half-width: digits, Latin letters and a few symbols used in numbers. */
function foldChar(code: number): number {
  if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) {
    const half = code - FULLWIDTH_OFFSET;
    const ch = String.fromCharCode(half);
    // Keep Chinese punctuation that carries structure (，。；：！？（）) as written: the splitter and
    // the extractors read them. Fold only digits, letters and number symbols.
    if (/[0-9A-Za-z%.+\-/~]/.test(ch)) return half;
    return code;
  }
  switch (code) {
    case 0x3000: // ideographic space
    case 0x00a0: // no-break space
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x09: // tab
      return 0x20;
    case 0x0d: // CR → LF (CRLF becomes a blank line, which only separates paragraphs)
      return 0x0a;
    case 0x300c: // 「
    case 0x300e: // 『
      return 0x201c; // “
    case 0x300d: // 」
    case 0x300f: // 』
      return 0x201d; // ”
    case 0x2014: // —
      return code;
    default:
      return code;
  }
}

/** Returns text of the same length with full-width digits/letters/％ folded, spaces unified and layout breaks joined. */
export function normaliseText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldChar(code);
    out += folded === code ? text[i] : String.fromCharCode(folded);
  }
  // A leading BOM is one unit; replace it with a space so offsets stay put.
  return joinLayoutBreaks(out.charCodeAt(0) === 0xfeff ? ' ' + out.slice(1) : out);
}

/** Only a long line can have been cut by a page: a short one is a heading or a title. */
const SHORT_LINE = 40;
const MID_SENTENCE_END = /[\p{L}\p{N}、，,]$/u;
/** A line that ends in a heading (…。第四节增进民族团结) ends there on purpose. */
const HEADING_TAIL = /第[一二三四五六七八九十百\d]+[章节篇条]/;
const LAYOUT_BREAK = /\n[\s]*\n?/g;

/**
 * "…科技咨询、孵\n\n化加速…": a page or column break inside a sentence. The break becomes spaces (one
 * unit for one, so offsets stay put), and every later stage reads one sentence.
 */
function joinLayoutBreaks(text: string): string {
  return text.replace(LAYOUT_BREAK, (brk, at: number) => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(lineStart, at);
    const next = text[at + brk.length] ?? '';
    const tail = line.slice(line.lastIndexOf('。') + 1);
    // a number cut after its decimal point (1.\n2万平方公里) is cut by the layout whatever the line
    if (/\d\.$/.test(line) && /\d/.test(next)) return ' '.repeat(brk.length);
    // no paragraph opens with a separator (天然橡胶\n、畜牧): the sentence goes on
    if (/[、，,；;]/.test(next) && line.trim() !== '') return ' '.repeat(brk.length);
    return line.length > SHORT_LINE && MID_SENTENCE_END.test(line) && !HEADING_TAIL.test(tail) && /[\p{L}\p{N}]/u.test(next) ? ' '.repeat(brk.length) : brk;
  });
}
