// Preloaded (node --require) into Electronegativity's process by the scan test.
// The tool uses the network for two things a scan of source folders does not need: fresh translations
// (en-US ships with it) and Electron's release list (used only for a package.json's Electron version,
// and the scanned copies have none). Offline, got retries each request with back-off, so every scan
// waited several seconds of real time. Here every request fails at once, exactly as "no connectivity"
// does, and the tool goes on with its bundled data.
'use strict';
const Module = require('node:module');
const { dirname } = require('node:path');

const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [toolDir] });
const offline = () => Promise.reject(new Error('no network in the test run'));
offline.head = offline;
offline.get = offline;
const stub = new Module(gotPath);
stub.filename = gotPath;
stub.loaded = true;
stub.exports = offline;
require.cache[gotPath] = stub;
