import { describe, expect, it } from 'vitest';
import { catalogueRecord } from './development-zones.js';

describe('catalogueRecord', () => {
  it('finds a zone by an alias when its official name is among the names', () => {
    const zone = catalogueRecord(['合肥高新区', '合肥高新技术产业开发区']);
    expect(zone).toMatchObject({ province: '安徽省', level: '国家级', type: '高新技术产业开发区' });
    expect(zone!.leadingIndustries.length).toBeGreaterThan(0);
  });

  it('knows no zone the catalogue does not list', () => {
    expect(catalogueRecord(['云溪高新区'])).toBeUndefined();
  });
});
