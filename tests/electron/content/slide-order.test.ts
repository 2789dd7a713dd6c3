import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../common/content-model';
import { orderSlides } from '../../../electron/content/slide-order';
import { parseYamlSource } from '../../../electron/content/yaml-source';
import { contextFor } from './load-context';

const slide = (id: string): Slide => ({ id, file: `slides/${id}.md`, durationSeconds: 10, transition: 'fade', sources: [], text: {} });

describe('orderSlides', () => {
  it('plays listed slides in order, then the others, each reported once', () => {
    const source = parseYamlSource('slideOrder:\n  - b\n  - missing\n  - b\n');
    const context = contextFor('/nowhere');
    const ordered = orderSlides([slide('a'), slide('b'), slide('c')], ['b', 'missing', 'b'], source, context);
    expect(ordered.map((item) => item.id)).toEqual(['b', 'a', 'c']);
    expect(context.problems.map((problem) => [problem.code, problem.file, problem.line])).toEqual([
      ['unknown-slide', 'settings.yaml', 3],
      ['duplicate-in-order', 'settings.yaml', 4],
      ['slide-not-in-order', 'slides/a.md', undefined],
      ['slide-not-in-order', 'slides/c.md', undefined],
    ]);
  });

  it('keeps the folder order when there is no slideOrder', () => {
    const context = contextFor('/nowhere');
    expect(orderSlides([slide('a'), slide('b')], undefined, undefined, context).map((item) => item.id)).toEqual(['a', 'b']);
    expect(context.problems).toEqual([]);
  });
});
