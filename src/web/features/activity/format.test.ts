import { describe, expect, it } from 'vitest';
import {
  csvPounds,
  escapeHtml,
  formatChange,
  formatCompactPounds,
  formatMonth,
  formatPounds,
  formatPoundsAndPence,
  formatShortMonth,
} from './format.ts';

describe('money', () => {
  it.each([
    [0, '£0', '£0.00'],
    [6000.75, '£6,001', '£6,000.75'],
    [1234567.8, '£1,234,568', '£1,234,567.80'],
    [-2700, '-£2,700', '-£2,700.00'],
  ])('%d is %s on screen and %s in a statement', (value, pounds, pence) => {
    expect(formatPounds(value)).toBe(pounds);
    expect(formatPoundsAndPence(value)).toBe(pence);
  });

  it.each([
    [43500.75, 43500.75],
    [0.1 + 0.2, 0.3],
    [15500.749999999, 15500.75],
    [-750, -750],
  ])('%d goes to a CSV as %d (to the penny)', (value, csv) => {
    expect(csvPounds(value)).toBe(csv);
  });

  it('abbreviates axis labels', () => {
    expect(formatCompactPounds(43500)).toBe('£43.5k');
    expect(formatCompactPounds(2_500_000)).toBe('£2.5m');
  });
});

describe('months', () => {
  it.each([
    ['2013-06', 'June 2013', 'Jun 2013'],
    ['2014-03', 'March 2014', 'Mar 2014'],
    ['2013-13', '2013-13', '2013-13'],
    ['June', 'June', 'June'],
  ])('%s is %s (%s)', (month, long, short) => {
    expect(formatMonth(month)).toBe(long);
    expect(formatShortMonth(month)).toBe(short);
  });
});

describe('changes on the month before', () => {
  it.each([
    [19, 12, false, '+7 (+58.3%)'],
    [35, 40, false, '-5 (-12.5%)'],
    [5, 0, false, '+5 (new)'],
    [0, 4, false, '-4 (-100%)'],
    [7, 7, false, '0'],
    [55, 50, false, '+5 (+10%)'],
    [43500.75, 28000, true, '+£15,501 (+55.4%)'],
    [0, 0, true, '£0'],
    [9000, 0, true, '+£9,000 (new)'],
  ])('%d after %d (money: %s) is %s', (current, previous, money, text) => {
    expect(formatChange(current, previous, money)).toBe(text);
  });
});

describe('tooltip text', () => {
  it.each([
    ['Trauma and Orthopaedics', 'Trauma and Orthopaedics'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`A&E "type 1" 'major'`, 'A&amp;E &quot;type 1&quot; &#39;major&#39;'],
  ])('%s is escaped as %s', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});
