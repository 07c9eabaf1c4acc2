// A small client for Firefox's Marionette protocol (the remote control that
// geckodriver uses), so the tests can drive Debian's firefox-esr without a
// WebDriver download: Playwright cannot drive stock Firefox.
//
//   const firefox = await launchFirefox(profileDir, { display: true });
//   await firefox.navigate('file:///.../welkom.html');
//   const frames = await firefox.run('return window.welkomTest.frameCount()');
//   await firefox.click(x, y);
//   writeFileSync('shot.png', await firefox.screenshot());
//   await firefox.close();
//
// Wire format: "<length>:<json>"; commands are [0, id, name, params] and
// answers [1, id, error, result].
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

// Preferences for a quiet, offline test profile. Marionette adds its own
// recommended ones (no updates, no telemetry...); the proxy on a closed port
// makes any http(s) request fail instead of leaving the machine.
const kPrefs = {
  'marionette.port': 0,  // any free port, written to MarionetteActivePort
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '', 'network.proxy.allow_hijacking_localhost': true,
  'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
  'browser.shell.checkDefaultBrowser': false, 'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
  // Mesa's software renderer under Xvfb is enough for the app's WebGL2.
  'webgl.force-enabled': true, 'webgl.disable-fail-if-major-performance-caveat': true,
};

export function writeProfile(dir) {
  const lines = Object.entries(kPrefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  writeFileSync(join(dir, 'user.js'), lines.join('\n') + '\n');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Starts firefox-esr under a virtual X display (xvfb-run): headless Firefox
// has no WebGL on Linux (Mozilla bug 1375585), Xvfb + Mesa does.
export async function launchFirefox(profileDir, { width = 1280, height = 800, timeout = 60000 } = {}) {
  writeProfile(profileDir);
  const child = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${width + 100}x${height + 200}x24`,
    'firefox-esr', '--marionette', '--no-remote', '--profile', profileDir, '--window-size', `${width},${height}`,
    'about:blank'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const portFile = join(profileDir, 'MarionetteActivePort');
  const deadline = Date.now() + timeout;
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8').trim() === '') {
    if (Date.now() > deadline || child.exitCode !== null) {
      killGroup(child);
      throw new Error(`Firefox did not start Marionette: ${stderr.slice(-2000)}`);
    }
    await sleep(200);
  }
  const port = Number(readFileSync(portFile, 'utf8').trim());
  const client = new Marionette(child);
  await client.connect(port);
  await client.command('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
  return client;
}

function killGroup(child) {
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
}

class Marionette {
  constructor(child) {
    this.child = child;
    this.nextId = 1;
    this.pending = new Map();
    this.buffer = Buffer.alloc(0);
  }

  connect(port) {
    return new Promise((resolve, reject) => {
      this.socket = connect(port, '127.0.0.1');
      let greeted = false;
      this.socket.on('error', reject);
      this.socket.on('data', (chunk) => {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
          const colon = this.buffer.indexOf(':');
          if (colon < 0) return;
          const length = Number(this.buffer.subarray(0, colon).toString());
          if (this.buffer.length < colon + 1 + length) return;
          const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
          this.buffer = this.buffer.subarray(colon + 1 + length);
          if (!greeted) { greeted = true; resolve(); continue; }  // {"applicationType":"gecko",...}
          const [, id, error, result] = message;
          const waiter = this.pending.get(id);
          this.pending.delete(id);
          if (waiter) error ? waiter.reject(new Error(`${error.error}: ${error.message}`)) : waiter.resolve(result);
        }
      });
    });
  }

  command(name, params = {}) {
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]));
    this.socket.write(`${body.length}:`);
    this.socket.write(body);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  navigate(url) { return this.command('WebDriver:Navigate', { url }); }

  // Runs `script` (a function body) in the page and returns its value.
  async run(script, args = []) {
    return (await this.command('WebDriver:ExecuteScript', { script, args })).value;
  }

  // Polls `script` until it returns a truthy value.
  async waitFor(script, { timeout = 60000, what = script } = {}) {
    const deadline = Date.now() + timeout;
    let value;
    while (Date.now() < deadline) {
      value = await this.run(script).catch(() => null);
      if (value) return value;
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  // A mouse click at viewport coordinates, held long enough for the app to
  // see it in a frame (Dear ImGui samples the mouse once per frame).
  click(x, y) {
    return this.command('WebDriver:PerformActions', { actions: [{ type: 'pointer', id: 'mouse',
      parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
        { type: 'pause', duration: 150 }, { type: 'pointerDown', button: 0 }, { type: 'pause', duration: 150 },
        { type: 'pointerUp', button: 0 }, { type: 'pause', duration: 150 }] }] });
  }

  // PNG bytes of the visible page.
  async screenshot() {
    return Buffer.from((await this.command('WebDriver:TakeScreenshot', { full: false })).value, 'base64');
  }

  async close() {
    await this.command('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => {});
    this.socket.destroy();
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await Promise.race([exited, sleep(5000)]);
    killGroup(this.child);
    // Never let a Firefox that ignored SIGTERM keep node's event loop alive.
    await Promise.race([exited, sleep(3000)]);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try { process.kill(-this.child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    this.child.stderr?.destroy();
    this.child.unref();
  }
}
