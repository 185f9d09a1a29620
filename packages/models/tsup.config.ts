import { packageBuild } from '../../tsup.shared.ts';

export default packageBuild({
  index: 'src/index.ts',
  'signing/index': 'src/signing/index.ts',
  enums: 'src/enums.ts',
  errors: 'src/errors.ts',
});
