import { type BrowserContext, type Browser as ChromiumBrowser, chromium } from 'playwright-core';

/** Flags that work on these machines (see STACK.md); Playwright chooses the profile folder itself. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * One Chromium per journey file, shared by every person in it: each person gets a context of their
 * own (their own cookies, storage and screen), which costs a fraction of starting Chromium again.
 * The process closes once the last person's window is closed.
 */
let shared: Promise<ChromiumBrowser> | undefined;
let open = 0;

/** A person's browser window with a page already open; close() closes it. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number }; phone?: boolean } = {},
) {
  shared ??= chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const chromiumProcess = await shared;
  open += 1;
  const context = await chromiumProcess.newContext({
    viewport: options.viewport ?? (options.phone ? PHONE : DESKTOP),
    isMobile: options.phone ?? false,
    hasTouch: options.phone ?? false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The people in these journeys ask their system for less motion, as some users do: the console
    // then skips antd's animations, which a journey would otherwise wait out at every dialog and menu.
    reducedMotion: 'reduce',
  });
  await context.newPage();
  let closed = false;
  return {
    context,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
      open -= 1;
      if (open === 0) {
        const finishing = shared;
        shared = undefined;
        await (await finishing)?.close();
      }
    },
  } satisfies Browser;
}
