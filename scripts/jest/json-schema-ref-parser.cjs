// Jest (before Node 24.9) cannot require an ES module, and @apidevtools/json-schema-ref-parser,
// which openapi-backend loads, is only one. The tests give openapi-backend documents as objects
// whose references are all inside them, so dereferencing is all it needs: done here by
// dereference-json-schema, which openapi-backend itself uses in its quick mode. Only tests use this.
'use strict';
const { dereferenceSync } = require('dereference-json-schema');

const dereference = async (document) => dereferenceSync(document);
const parse = async (document) => {
  if (typeof document !== 'object' || document === null) {
    throw new Error('only documents given as objects are supported under Jest');
  }
  return document;
};

module.exports = { dereference, parse, resolve: parse };
