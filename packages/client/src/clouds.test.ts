import { describe, expect, it } from 'vitest';
import { cloudOf, clouds, offersCsbs } from './clouds.js';
import { resolveEndpoint } from './endpoint.js';
import { CsbsValidationError } from './errors/other-errors.js';

describe('the clouds table', () => {
  it.each([
    ['otc', 'eu-de', true],
    ['otc', 'eu-nl', false],
    ['otc', 'eu-ch2', false],
    ['otc', 'ap-southeast-1', false],
    ['huaweicloud', 'ap-southeast-1', true],
    ['huaweicloud', 'cn-north-4', true],
  ] as const)('%s offers CSBS in %s: %s', (cloud, region, offered) => {
    expect(offersCsbs(cloud, region)).toBe(offered);
  });

  it.each([
    [{ region: 'eu-de' }, 'otc'],
    [{ region: 'eu-nl' }, 'otc'],
    [{ region: 'eu-ch2' }, 'otc'],
    [{ region: 'ap-southeast-1' }, undefined],
    [{ authUrl: 'https://iam.eu-de.otc.t-systems.com/v3' }, 'otc'],
    [{ authUrl: 'https://iam.eu-ch2.sc.otc.t-systems.com/v3' }, 'otc'],
    [{ authUrl: 'https://iam.myhuaweicloud.com/v3' }, 'huaweicloud'],
    [{ authUrl: 'https://iam.ap-southeast-1.myhuaweicloud.com' }, 'huaweicloud'],
    [{ authUrl: 'https://otc.t-systems.com.evil.example/v3' }, undefined],
    [{ authUrl: 'http://127.0.0.1:5000/v3' }, undefined],
    [{ authUrl: 'not a url' }, undefined],
    [{ region: 'eu-nl', authUrl: 'https://iam.myhuaweicloud.com' }, 'otc'],
    [{}, undefined],
  ])('cloudOf(%j) is %s', (hints, cloud) => {
    expect(cloudOf(hints)).toBe(cloud);
  });

  // Every region the table lists resolves, or fails naming the regions that do have CSBS.
  const listed = Object.entries(clouds).flatMap(([cloud, facts]) => [
    ...(facts.csbsRegions === 'any' ? [] : facts.csbsRegions.map((region) => [cloud, region, true] as const)),
    ...facts.regionsWithoutCsbs.map((region) => [cloud, region, false] as const),
  ]);
  it.each(listed)('%s %s resolves: %s', (cloud, region, offered) => {
    const options = { cloud: cloud as keyof typeof clouds, region };
    if (offered) {
      expect(resolveEndpoint(options)).toBe(`https://csbs.${region}.${clouds[options.cloud].domain}`);
      return;
    }
    try {
      resolveEndpoint(options);
      expect.unreachable();
    } catch (error) {
      expect(CsbsValidationError.isInstance(error)).toBe(true);
      const issue = (error as CsbsValidationError).issues[0];
      expect(issue?.path).toBe('region');
      expect(issue?.message).toContain(region);
      const csbsRegions = clouds[options.cloud].csbsRegions;
      for (const name of csbsRegions === 'any' ? [] : csbsRegions) expect(issue?.message).toContain(name);
    }
  });
});
