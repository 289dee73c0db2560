import { describe, expect, it } from 'vitest';
import { zoneShortForms } from './zone-short-forms.js';

describe('zoneShortForms', () => {
  it('drops the province and abbreviates the type', () => {
    expect(zoneShortForms('江苏南通高新技术产业开发区', '江苏省')).toEqual(expect.arrayContaining(['南通高新技术产业开发区', '南通高新区']));
  });

  it('drops the prefecture where a district name is left', () => {
    expect(zoneShortForms('合肥庐阳经济开发区', '安徽省', ['合肥', '芜湖'])).toEqual(expect.arrayContaining(['庐阳经济开发区', '庐阳经开区']));
  });

  it('never leaves a bare type word', () => {
    const forms = zoneShortForms('合肥高新技术产业开发区', '安徽省', ['合肥']);
    expect(forms).toContain('合肥高新区');
    expect(forms).not.toContain('高新技术产业开发区');
    expect(forms).not.toContain('高新区');
  });
});
