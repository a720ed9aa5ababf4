// Some optional platform builds of @tarojs/binding 4.2.1 are not on the registry (404), so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as out of
// sync. Recording them as optional packages for their own platforms makes `npm ci` skip them.
// Run after any `npm install` that rewrites the lock: `node scripts/lib/fix-lock.js`.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '../../package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const platforms = {
  '@tarojs/binding-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  '@tarojs/binding-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  '@tarojs/binding-linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  '@tarojs/binding-win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [name, platform] of Object.entries(platforms)) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = { version: '4.2.1', dev: true, optional: true, ...platform };
  added++;
}
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform-only optional packages recorded`);
