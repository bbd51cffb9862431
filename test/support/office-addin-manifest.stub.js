// Stand-in for office-addin-manifest under Jest: office-addin-mock requires it, but its dependency
// chain is ESM-only and Jest on Node 20 runs CommonJS. The mocks used here never call into it.
module.exports = {};
