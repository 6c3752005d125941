// Prints the custom-robot signature that npm dingtalk-robot-sender computes, for cross-checking the C# implementation.
// Usage: node dingtalk-sign.cjs <secret> <timestampMs>
'use strict';
const sign = require('dingtalk-robot-sender/lib/sign');

const [secret, timestamp] = process.argv.slice(2);
process.stdout.write(sign(secret, `${timestamp}\n${secret}`));
