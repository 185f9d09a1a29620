import { describe, expect, it } from 'vitest';
import { peekNextMarker } from './next-link.js';

describe('peekNextMarker', () => {
  it('reads the marker of the next link at the end of the body', () => {
    const body = JSON.stringify({
      checkpoint_items: [{ id: 'a' }, { id: 'b' }],
      checkpoint_items_links: [{ rel: 'next', href: 'http://h/v1/p/checkpoint_items?limit=2&marker=b%20c' }],
    });
    expect(peekNextMarker(body)).toBe('b c');
  });

  it.each([
    ['no links', JSON.stringify({ checkpoint_items: [{ id: 'a' }] })],
    ['null links', JSON.stringify({ checkpoint_items: [], checkpoint_items_links: null })],
    [
      'no next rel',
      JSON.stringify({ checkpoint_items: [], checkpoint_items_links: [{ rel: 'self', href: '/x' }] }),
    ],
    [
      'no marker',
      JSON.stringify({ checkpoint_items: [], checkpoint_items_links: [{ rel: 'next', href: '/x?limit=1' }] }),
    ],
    ['truncated', '{"checkpoint_items":[],"checkpoint_items_links":[{"rel":"next","href":"/x?marker=a'],
    [
      'links first, followed by a large body',
      JSON.stringify({
        checkpoint_items_links: [{ rel: 'next', href: '/x?marker=z' }],
        checkpoint_items: Array.from({ length: 2000 }, (_, i) => ({ id: `id-${i}` })),
      }),
    ],
  ])('gives no guess: %s', (_name, body) => {
    expect(peekNextMarker(body)).toBeUndefined();
  });
});
