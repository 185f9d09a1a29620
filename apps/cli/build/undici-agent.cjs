'use strict';
// What the csbs bundle takes from undici: the Agent (connection pool) with the
// `request()` API, and nothing else. undici's own index also loads fetch, WebSocket,
// EventSource, the cache and mock layers and their Node built-ins (http2, zlib, …), about
// a third of the start-up of a real command; `@csbs-kit/client` only calls
// `new Agent()` and `dispatcher.request()`. These paths are inside the undici version
// locked at build time; if they move, the build fails rather than the bundle.
const Agent = require('undici/lib/dispatcher/agent.js');
const Dispatcher = require('undici/lib/dispatcher/dispatcher.js');
const api = require('undici/lib/api/index.js');

// The same line as undici's index.js: `request`, `stream`, … live on every dispatcher.
Object.assign(Dispatcher.prototype, api);

module.exports = { Agent, Dispatcher };
