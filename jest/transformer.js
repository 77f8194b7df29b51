// @lwc/jest-transformer's cache key ignores whether jest asked for coverage instrumentation,
// and jest then reuses an uninstrumented cached transform in a --coverage run: coverage reads
// 0/0 and path thresholds report "not found". Same transform, with the flag in the key.
const crypto = require('node:crypto');
const lwcTransformer = require('@lwc/jest-transformer');

module.exports = {
  ...lwcTransformer,
  getCacheKey(sourceText, sourcePath, options) {
    return crypto
      .createHash('md5')
      .update(lwcTransformer.getCacheKey(sourceText, sourcePath, options))
      .update(options && options.instrument ? 'instrument' : 'plain')
      .digest('hex');
  }
};
