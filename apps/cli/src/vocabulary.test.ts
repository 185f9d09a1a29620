import * as models from '@csbs-kit/models';
import { describe, expect, it } from 'vitest';
import { checkpointStatuses, sortKeys } from './vocabulary.js';

describe('vocabulary', () => {
  it('repeats the models lists exactly', () => {
    expect([...checkpointStatuses]).toEqual([...models.checkpointStatuses]);
    expect([...sortKeys]).toEqual([...models.sortKeys]);
  });
});
