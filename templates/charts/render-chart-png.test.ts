// The chart as the Word file will carry it: a real PNG rendered in Node, decoded again here with sharp.
// Chinese text is checked without OCR: the title band holds ink only when the title is drawn, and two different
// titles of the same length give different pixels — missing glyphs (boxes, or nothing) would look alike.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { beforeAfterChartOption } from '../../shared/charts/before-after-chart.js';
import { rulesMetChartOption } from '../../shared/charts/rules-met-chart.js';
import { cachedChartPng, forgetRenderedCharts, renderChartPng } from './render-chart-png.js';
import { uncoveredCharacters } from './chart-font.js';
import { SAMPLE_BEFORE_AFTER, SAMPLE_RULES_MET } from './testing/sample-charts.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Grey pixels of a band of the image: 0 = black ink, 255 = white paper. */
async function band(png: Buffer, top: number, height: number): Promise<Buffer> {
  const { width } = await sharp(png).metadata();
  return sharp(png).extract({ left: 0, top, width: width!, height }).greyscale().raw().toBuffer();
}

const inkPixels = (grey: Buffer) => grey.filter((v) => v < 160).length;
const differingPixels = (a: Buffer, b: Buffer) => a.filter((v, i) => Math.abs(v - b[i]!) > 64).length;

/** At 1.5×, where the title band's 70 px hold the title and nothing else (the legend starts below it). */
async function withTitle(title: string) {
  return renderChartPng(beforeAfterChartOption({ ...SAMPLE_BEFORE_AFTER, title, subtitle: '' }), 1.5);
}

describe('renderChartPng', () => {
  it('writes a valid PNG of the layout size times the scale, not blank', async () => {
    const spec = beforeAfterChartOption(SAMPLE_BEFORE_AFTER);
    const chart = await renderChartPng(spec, 2);
    expect(chart.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect([chart.png.readUInt32BE(16), chart.png.readUInt32BE(20)]).toEqual([spec.width * 2, spec.height * 2]);
    expect([chart.width, chart.height]).toEqual([spec.width * 2, spec.height * 2]);
    const meta = await sharp(chart.png).metadata();
    expect(meta.format).toBe('png');
    const all = await band(chart.png, 0, chart.height);
    expect(inkPixels(all) / all.length).toBeGreaterThan(0.02);
    expect(chart.missingCharacters).toEqual([]);
  });

  it('draws the Chinese title: ink in the title band, different for different characters', async () => {
    const titleBand = (png: Buffer) => band(png, 0, 70);
    const a = await titleBand((await withTitle('培育前后主要指标对比')).png);
    const b = await titleBand((await withTitle('评估科目变化情况对比')).png);
    const none = await titleBand((await withTitle('')).png);
    expect(inkPixels(none)).toBe(0);
    expect(inkPixels(a)).toBeGreaterThan(1500);
    expect(inkPixels(b)).toBeGreaterThan(1500);
    expect(differingPixels(a, b)).toBeGreaterThan(1500);
  });

  it('renders the same input to the same bytes', async () => {
    const spec = rulesMetChartOption(SAMPLE_RULES_MET);
    const [a, b] = await Promise.all([renderChartPng(spec), renderChartPng(spec)]);
    expect(a.png.equals(b.png)).toBe(true);
  });

  it('gives the same bytes rasterised on the calling thread (the archive) as on the thread pool', async () => {
    const spec = rulesMetChartOption(SAMPLE_RULES_MET);
    expect((await renderChartPng(spec, 1, 'main')).png.equals((await renderChartPng(spec, 1, 'pool')).png)).toBe(true);
  });

  it('reuses the PNG of a spec with the same data, renders one whose data changed', async () => {
    forgetRenderedCharts();
    const first = await cachedChartPng(rulesMetChartOption(SAMPLE_RULES_MET));
    // An equal spec built again (as each export builds its own) is the same picture, not a second render.
    const again = await cachedChartPng(rulesMetChartOption(structuredClone(SAMPLE_RULES_MET)));
    expect(again.png).toBe(first.png);
    const changed = await cachedChartPng(rulesMetChartOption({ ...SAMPLE_RULES_MET, rules: SAMPLE_RULES_MET.rules.slice(1) }));
    expect(changed.png).not.toBe(first.png);
    expect(changed.png.equals((await renderChartPng(rulesMetChartOption({ ...SAMPLE_RULES_MET, rules: SAMPLE_RULES_MET.rules.slice(1) }))).png)).toBe(true);
    expect(changed.height).toBeLessThan(first.height);
    // Another scale is another picture.
    expect((await cachedChartPng(rulesMetChartOption(SAMPLE_RULES_MET), 2)).width).toBe(first.width * 2);
  });

  it('the rules-met chart: valid, sized by its rows, every mark drawable', async () => {
    const spec = rulesMetChartOption(SAMPLE_RULES_MET);
    const chart = await renderChartPng(spec, 1);
    expect([chart.width, chart.height]).toEqual([spec.width, spec.height]);
    expect(chart.missingCharacters).toEqual([]);
  });

  it('names the characters the bundled font cannot draw instead of hiding them', async () => {
    const chart = await withTitle('培育成效：𠮷野家与㐀字');
    expect(chart.missingCharacters).toEqual(['𠮷', '㐀']);
  });
});

describe('the bundled font covers the app’s own words', () => {
  it('every label of the sample charts and the standard’s marks', () => {
    const text = JSON.stringify([SAMPLE_BEFORE_AFTER, SAMPLE_RULES_MET]) + '□√×？m²％≥≤—·《》〔〕';
    expect(uncoveredCharacters(text)).toEqual([]);
  });

  it('GB 2312 place names of Guangxi are covered; a rare character is not', () => {
    expect(uncoveredCharacters('南宁邕宁区 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左')).toEqual([]);
    expect(uncoveredCharacters('㐀')).toEqual(['㐀']);
  });
});
