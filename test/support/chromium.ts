// How every test launches Debian's Chromium: its path (CHROME_PATH overrides) and the flags this
// closed-network machine needs (no sandbox as root, no background connections that would be refused).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
