// A Target stated as a sentence: "到2025年，高新技术企业达500家", "每年新注册重大产业项目30个以上",
// "城镇登记失业率控制在3%以内". Built from the typed fact, so the number is the one that was extracted.
import type { Target } from '../model/index.js';

export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

export function stateTarget(t: Pick<Target, 'metric' | 'value' | 'valueMax' | 'unit' | 'comparator' | 'year' | 'period'>): string {
  const amount =
    t.comparator === 'range' && t.valueMax !== undefined
      ? `${formatValue(t.value)}${t.unit}至${formatValue(t.valueMax)}${t.unit}`
      : `${formatValue(t.value)}${t.unit}`;
  const metric = t.metric;
  let core: string;
  switch (t.comparator) {
    case '>=':
      core = `${metric}${amount}以上`;
      break;
    case '<=':
      core = `${metric}控制在${amount}以内`;
      break;
    case '>':
      core = `${metric}超过${amount}`;
      break;
    case '<':
      core = `${metric}低于${amount}`;
      break;
    case '~':
      core = `${metric}约${amount}`;
      break;
    case 'range':
      core = `${metric}${amount}`;
      break;
    default:
      core = `${metric}达${amount}`;
  }
  const year = t.year !== undefined ? `到${t.year}年，` : '';
  const period = t.period && !metric.startsWith(t.period) ? t.period : '';
  return `${year}${period}${core}`;
}
